package dev.eventshop.item;

import dev.eventshop.item.api.FindItem;
import dev.eventshop.platform.projections.NewRows;
import dev.eventshop.platform.projections.ProjectionDefinition;
import dev.eventshop.platform.views.ViewUpdates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

@Configuration(proxyBeanMethods = false)
class ItemConfiguration {

    /** The catalogue projection, built and served blue/green by platform/projections. */
    @Bean
    ProjectionDefinition itemsProjection(ItemEntryRepository items, ViewUpdates updates, NewRows rows) {
        return ProjectionDefinition.of(ItemProjection.NAME, ItemProjection.VERSION, List.of("item_view"),
                        slot -> List.of(new ItemProjection(slot, items, updates, rows)))
                .followedBy(FindItem.class);
    }
}
