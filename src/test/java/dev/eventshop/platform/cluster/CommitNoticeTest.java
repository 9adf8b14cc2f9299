package dev.eventshop.platform.cluster;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CommitNoticeTest {

    @Test
    void namesTheNodeAndEachChangedAggregateOnce() {
        String user = UUID.randomUUID().toString();
        String item = UUID.randomUUID().toString();

        CommitNotice notice = CommitNotice.decode(CommitNotice.encode(List.of(
                event(user, 3), event(item, 7), event(user, 4), GenericEventMessage.asEventMessage("no aggregate"))));

        assertThat(notice.fromThisNode()).isTrue();
        assertThat(notice.all()).isFalse();
        assertThat(notice.aggregates()).containsExactly(user, item);
    }

    @Test
    void tooManyAggregatesForOneNotificationMeanEveryAggregate() {
        List<EventMessage<?>> events = IntStream.range(0, 300)
                .<EventMessage<?>>mapToObj(i -> event(UUID.randomUUID().toString(), 0)).toList();

        String payload = CommitNotice.encode(events);
        CommitNotice notice = CommitNotice.decode(payload);

        assertThat(payload.getBytes(StandardCharsets.UTF_8).length).isLessThan(8000);
        assertThat(notice.all()).isTrue();
        assertThat(notice.aggregates()).isEmpty();
    }

    @Test
    void anotherNodesNoticeIsNotThisNodes() {
        assertThat(CommitNotice.decode("4242@elsewhere\n" + UUID.randomUUID()).fromThisNode()).isFalse();
    }

    private static EventMessage<?> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("User", aggregate, sequence, "payload");
    }
}
