package dev.eventshop.platform.feed;

import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every integration event type the features declare, by the stored event each is made from. */
@Component
public class FeedContract {

    private final Map<String, IntegrationEventType<?>> byStoredType = new LinkedHashMap<>();

    FeedContract(List<IntegrationEvents> features) {
        features.stream().flatMap(feature -> feature.types().stream())
                .forEach(type -> {
                    if (byStoredType.put(type.from().getName(), type) != null) {
                        throw new IllegalStateException(type.from() + " is published as two feed types");
                    }
                });
    }

    /** The contract's types, by CloudEvents type. */
    public List<IntegrationEventType<?>> types() {
        return byStoredType.values().stream().sorted(Comparator.comparing(IntegrationEventType::type)).toList();
    }

    /** The stored payload types (class names) the feed carries. */
    List<String> storedTypes() {
        return List.copyOf(byStoredType.keySet());
    }

    IntegrationEventType<?> of(Class<?> storedType) {
        return byStoredType.get(storedType.getName());
    }
}
