package dev.eventshop.user;

import dev.eventshop.platform.projections.NewRows;
import dev.eventshop.platform.projections.ProjectionDefinition;
import dev.eventshop.platform.views.ViewUpdates;
import dev.eventshop.user.api.FindUser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

@Configuration(proxyBeanMethods = false)
class UserConfiguration {

    /** The users projection, built and served blue/green by platform/projections. */
    @Bean
    ProjectionDefinition usersProjection(UserEntryRepository users, ViewUpdates updates, NewRows rows) {
        return ProjectionDefinition.of(UserProjection.NAME, UserProjection.VERSION, List.of("user_view"),
                        slot -> List.of(new UserProjection(slot, users, updates, rows)))
                .followedBy(FindUser.class);
    }
}
