package dev.eventshop.platform.feed;

import java.util.List;

/** What a feature publishes on the feed: a bean of it per feature. */
public interface IntegrationEvents {

    List<IntegrationEventType<?>> types();
}
