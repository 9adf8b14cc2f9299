package dev.eventshop.platform.metrics;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MessageTimersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    record Deposited(long amount) {
    }

    record Withdrawn(long amount) {
    }

    @Test
    void anEventProcessorsMessagesAreTimedPerPayloadTypeAndOutcome() {
        MessageTimers timers = MessageTimers.forEventProcessor("accounts", registry);

        timers.onMessageIngested(event(new Deposited(1))).reportSuccess();
        timers.onMessageIngested(event(new Deposited(2))).reportSuccess();
        timers.onMessageIngested(event(new Deposited(3))).reportFailure(new IllegalStateException("boom"));
        timers.onMessageIngested(event(new Withdrawn(4))).reportIgnored();

        assertThat(count("eventProcessor.allTimer", "Deposited")).isEqualTo(3);
        assertThat(count("eventProcessor.successTimer", "Deposited")).isEqualTo(2);
        assertThat(count("eventProcessor.failureTimer", "Deposited")).isEqualTo(1);
        assertThat(count("eventProcessor.ignoredTimer", "Deposited")).isZero();
        assertThat(count("eventProcessor.ignoredTimer", "Withdrawn")).isEqualTo(1);
        assertThat(count("eventProcessor.successTimer", "Withdrawn")).isZero();
    }

    @Test
    void eachPayloadTypesMetersAreRegisteredOnceNotPerMessage() {
        MessageTimers timers = MessageTimers.forEventProcessor("accounts", registry);
        timers.onMessageIngested(event(new Deposited(1))).reportSuccess();
        int metersAfterTheFirst = registry.getMeters().size();

        for (int i = 0; i < 100; i++) {
            timers.onMessageIngested(event(new Deposited(i))).reportSuccess();
        }

        assertThat(registry.getMeters()).hasSize(metersAfterTheFirst);
        assertThat(metersAfterTheFirst).as("four timers and the latency gauge").isEqualTo(5);
    }

    @Test
    void anEventProcessorShowsHowLongAgoItsLastEventWasPublished() {
        MessageTimers timers = MessageTimers.forEventProcessor("accounts", registry);

        timers.onMessageIngested(new GenericEventMessage<>(GenericEventMessage.asEventMessage(new Deposited(1)),
                () -> Instant.now().minusSeconds(60))).reportSuccess();

        double latency = registry.get("eventProcessor.latency").tag("processorName", "accounts").gauge().value();
        assertThat(latency).isBetween(60_000.0, 70_000.0);
    }

    @Test
    void aBusIsTimedUnderItsOwnNameWithoutAProcessorOrLatency() {
        MessageTimers timers = MessageTimers.forComponent("commandBus", registry);

        timers.onMessageIngested(GenericCommandMessage.asCommandMessage(new Deposited(1))).reportSuccess();

        Timer all = registry.get("commandBus.allTimer").tag("payloadType", "Deposited").timer();
        assertThat(all.count()).isEqualTo(1);
        assertThat(all.getId().getTag("processorName")).isNull();
        assertThat(registry.find("commandBus.latency").gauge()).isNull();
    }

    private static GenericEventMessage<Object> event(Object payload) {
        return new GenericEventMessage<>(payload, MetaData.emptyInstance());
    }

    private long count(String name, String payloadType) {
        return registry.get(name).tag("processorName", "accounts").tag("payloadType", payloadType).timer().count();
    }
}
