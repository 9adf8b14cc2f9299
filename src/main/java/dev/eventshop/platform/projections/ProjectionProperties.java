package dev.eventshop.platform.projections;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the projections' processors run and how their generations are built, switched and dropped.
 *
 * @param initialSegmentCount segments a generation's processor starts with
 * @param threadCount         threads, so segments, one node works on at most per processor (room to split)
 * @param batchSize           events per transaction at most: live traffic makes small batches, a rebuild large ones
 * @param tokenClaimInterval  how often a node looks for segments nobody holds
 * @param checkInterval       how often a node looks at the generations: starts and stops its processors, switches
 *                            a rebuilt generation that has caught up, drops retired ones, measures progress
 * @param switchLag           a rebuilt generation within this many events of the head is switched to: the switch
 *                            holds the serving generation's processor still until the new one has handled every
 *                            event the serving one has
 * @param switchWait          the longest the switch holds the serving generation still; past it, it tries again
 * @param dropDelay           how long a retired generation is kept before its rows are deleted, so that every node
 *                            has stopped writing it
 * @param dropChunk           rows deleted per transaction when a generation is dropped
 * @param rateWindow          the time over which a rebuild's rate (and so its time left) is measured
 */
@ConfigurationProperties("eventshop.projections")
public record ProjectionProperties(@DefaultValue("2") int initialSegmentCount,
                                   @DefaultValue("4") int threadCount,
                                   @DefaultValue("500") int batchSize,
                                   @DefaultValue("1s") Duration tokenClaimInterval,
                                   @DefaultValue("500ms") Duration checkInterval,
                                   @DefaultValue("1000") long switchLag,
                                   @DefaultValue("2s") Duration switchWait,
                                   @DefaultValue("10s") Duration dropDelay,
                                   @DefaultValue("10000") int dropChunk,
                                   @DefaultValue("10s") Duration rateWindow) {
}
