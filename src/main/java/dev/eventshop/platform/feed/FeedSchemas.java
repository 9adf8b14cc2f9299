package dev.eventshop.platform.feed;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Publishes the schema of every feed type's data in the API description, under the type's name
 * ({@code #/components/schemas/dev.eventshop.order.confirmed.v1}): the committed description pins them, so a change
 * of a feed event's shape cannot pass unseen (the feed's contract test says to raise the version).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FeedSchemas implements OpenApiCustomizer {

    private final FeedContract contract;

    FeedSchemas(FeedContract contract) {
        this.contract = contract;
    }

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI api) {
        for (IntegrationEventType<?> type : contract.types()) {
            ResolvedSchema resolved = ModelConverters.getInstance()
                    .readAllAsResolvedSchema(new AnnotatedType(type.data()));
            resolved.referencedSchemas.forEach((name, schema) -> {
                if (!name.equals(type.data().getSimpleName())) {
                    api.getComponents().addSchemas(name, schema);
                }
            });
            api.getComponents().addSchemas(type.type(), resolved.schema.description(
                    "The data of " + type.type() + " events on the feed"));
        }
    }
}
