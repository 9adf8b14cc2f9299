package dev.eventshop.ops;

import dev.eventshop.common.BusinessRuleViolation;
import dev.eventshop.platform.web.Cursor;
import dev.eventshop.platform.web.Limits;
import dev.eventshop.platform.web.NotFoundException;
import dev.eventshop.platform.web.Pages;
import dev.eventshop.platform.history.AuditEntry;
import dev.eventshop.platform.history.AuditTrail;
import dev.eventshop.platform.feed.FeedOperations;
import dev.eventshop.platform.feed.FeedStatus;
import dev.eventshop.platform.privacy.Resealing;
import dev.eventshop.platform.projections.ProjectionStatus;
import dev.eventshop.platform.projections.Projections;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * The operator's API (admin only, see SecurityConfiguration): event processors, dead letters, sagas, the event
 * store and live metrics. The dashboard ({@code /dashboard}) is its client.
 */
@Tag(name = "Operations", description = "Event processors, projections and dead letters (admin)")
@RestController
@RequestMapping("/api/admin")
class AdminController {

    /** The names of this API's cursors, one per list. */
    private static final String DEAD_LETTERS = "dead-letters";
    private static final String SAGAS = "sagas";
    private static final String DEADLINES = "deadlines";
    private static final String EVENTS = "events";

    private final ProcessorOperations processors;
    private final DeadLetterOperations deadLetters;
    private final SagaOperations sagas;
    private final EventBrowser browser;
    private final AuditTrail auditTrail;
    private final LiveMetrics liveMetrics;
    private final Projections projections;
    private final Resealing resealing;
    private final FeedOperations feed;

    AdminController(ProcessorOperations processors, DeadLetterOperations deadLetters, SagaOperations sagas,
                    EventBrowser browser, AuditTrail auditTrail, LiveMetrics liveMetrics, Projections projections,
                    Resealing resealing, FeedOperations feed) {
        this.processors = processors;
        this.feed = feed;
        this.resealing = resealing;
        this.projections = projections;
        this.deadLetters = deadLetters;
        this.sagas = sagas;
        this.browser = browser;
        this.auditTrail = auditTrail;
        this.liveMetrics = liveMetrics;
    }

    record Sagas(List<SagaOperations.SagaType> types, List<SagaOperations.PendingDeadline> deadlines) {
    }

    record ReplayRequest(Instant from) {
    }

    record Count(int count) {
    }

    @Operation(operationId = "listProcessors", summary = "Event processors",
            description = "Mode, status, segments with their owner and token position, and the lag behind the head"
                    + " of the store, counted in events.")
    @GetMapping("/processors")
    List<ProcessorStatus> processors() {
        return processors.all();
    }

    @Operation(operationId = "getFeedStatus", summary = "The event feed on this node",
            description = "The highest position stored, the horizon the feed serves up to (below it nothing can "
                    + "still commit), and the live streams open on this node: whose, since when, and how far each "
                    + "has read.")
    @GetMapping("/feed")
    FeedStatus feedStatus() {
        return feed.status();
    }

    @Operation(operationId = "resealPersonalData", summary = "Re-key personal data stored in clear (one-off)",
            description = "For stores written before personal data was sealed: the events, snapshots and dead letters "
                    + "whose personal fields are in clear get them sealed with the person's data key, or set to null "
                    + "when the person is erased; retired secret fields (password hashes of old registrations) are "
                    + "removed. Every stored object reads as before. Runs in batches while the service serves, "
                    + "answers what it did, and finds nothing more to do when run again. Copies outside the live "
                    + "tables (backups, WAL archives, replicas, old row versions until VACUUM) stay as they were.")
    @PostMapping("/personal-data/reseal")
    Resealing.Report reseal() {
        return resealing.run();
    }

    @Operation(operationId = "getProcessor", summary = "One event processor")
    @GetMapping("/processors/{name}")
    ProcessorStatus processor(@PathVariable String name) {
        return processors.one(name);
    }

    @Operation(operationId = "startProcessor", summary = "Start an event processor")
    @PostMapping("/processors/{name}/start")
    ProcessorStatus start(@PathVariable String name) {
        processors.start(name);
        return processors.one(name);
    }

    @Operation(operationId = "stopProcessor", summary = "Stop an event processor",
            description = "Releases its segments, so another node may claim them.")
    @PostMapping("/processors/{name}/stop")
    ProcessorStatus stop(@PathVariable String name) {
        processors.stop(name);
        return processors.one(name);
    }

    @ApiResponse(responseCode = "202", description = "The rebuild has begun: the projection as it stands now")
    @ApiResponse(responseCode = "409", description = "The processor is no projection's (processor-not-resettable), "
            + "a rebuild is under way (rebuild-in-progress), or both slots hold a generation (no-free-slot)")
    @Operation(operationId = "replayProcessor", summary = "Replay a projection (blue/green)",
            description = "Builds a new generation of the processor's projection beside the serving one, from the"
                    + " start of the store or, with from, onto a copy of the serving rows from that instant on."
                    + " Reads go on from the serving generation and switch to the new one at once when it has"
                    + " caught up. Name the projection (users) or one of its processors (users-blue).")
    @PostMapping("/processors/{name}/replay")
    ResponseEntity<ProjectionStatus> replay(@PathVariable String name,
                                            @RequestBody(required = false) ReplayRequest request) {
        ProjectionStatus projection = processors.replay(name, request == null ? null : request.from());
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections/" + projection.name()))
                .body(projection);
    }

    @Operation(operationId = "listProjections", summary = "Projections and their generations",
            description = "Per projection: its version in this node's code, the generation this node reads, every"
                    + " generation there is, and the rebuild under way with its progress, rate and time left.")
    @GetMapping("/projections")
    List<ProjectionStatus> projections() {
        return projections.all();
    }

    @Operation(operationId = "getProjection", summary = "One projection")
    @GetMapping("/projections/{name}")
    ProjectionStatus projection(@PathVariable String name) {
        return projections.one(name).orElseThrow(() -> new NotFoundException("projection", name));
    }

    @ApiResponse(responseCode = "202", description = "The rebuild has begun: the projection as it stands now")
    @ApiResponse(responseCode = "409", description = "A rebuild is under way (rebuild-in-progress), or both slots"
            + " hold a generation (no-free-slot)")
    @Operation(operationId = "rebuildProjection", summary = "Rebuild a projection (blue/green)",
            description = "The same as replaying one of its processors.")
    @PostMapping("/projections/{name}/rebuild")
    ResponseEntity<ProjectionStatus> rebuild(@PathVariable String name,
                                             @RequestBody(required = false) ReplayRequest request) {
        projection(name);
        ProjectionStatus projection = projections.rebuild(name, request == null ? null : request.from());
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections/" + name)).body(projection);
    }

    @ApiResponse(responseCode = "200", description = "Cancelled: the projection as it stands now")
    @ApiResponse(responseCode = "409", description = "No rebuild is under way (no-rebuild)")
    @Operation(operationId = "cancelRebuild", summary = "Cancel a projection's rebuild",
            description = "The generation being built is dropped; the serving one is untouched.")
    @DeleteMapping("/projections/{name}/rebuild")
    ProjectionStatus cancelRebuild(@PathVariable String name) {
        projection(name);
        return projections.cancelRebuild(name);
    }

    @ApiResponse(responseCode = "200", description = "Split: the processor with its segments")
    @ApiResponse(responseCode = "409", description = "The segment does not exist or another node holds it "
            + "(segment-not-changed), the processor is stopped (processor-stopped), or the split did not finish "
            + "(segment-change-failed)")
    @Operation(operationId = "splitSegment", summary = "Split a processor's segment in two",
            description = "Lets two threads or nodes share its work. This node claims the segment to split it;"
                    + " answers 409 when another node holds it (ask that node, or stop the processor there).")
    @PostMapping("/processors/{name}/segments/{segment}/split")
    ProcessorStatus split(@PathVariable String name, @PathVariable @PositiveOrZero int segment) {
        requireDone(processors.split(name, segment), name, segment, "split");
        return processors.one(name);
    }

    @ApiResponse(responseCode = "200", description = "Merged: the processor with its segments")
    @ApiResponse(responseCode = "409", description = "The segment or its sibling does not exist or another node "
            + "holds one (segment-not-changed), the processor is stopped (processor-stopped), or the merge did not "
            + "finish (segment-change-failed)")
    @Operation(operationId = "mergeSegment", summary = "Merge a processor's segment with its sibling",
            description = "The reverse of a split. This node claims both segments to merge them; answers 409 when"
                    + " another node holds one of them.")
    @PostMapping("/processors/{name}/segments/{segment}/merge")
    ProcessorStatus merge(@PathVariable String name, @PathVariable @PositiveOrZero int segment) {
        requireDone(processors.merge(name, segment), name, segment, "merged");
        return processors.one(name);
    }

    private static void requireDone(boolean done, String name, int segment, String changed) {
        if (!done) {
            throw new BusinessRuleViolation("segment-not-changed", "Segment " + segment + " of " + name
                    + " was not " + changed + ": it does not exist, or another node holds it");
        }
    }

    @Operation(operationId = "liveMetrics", summary = "Throughput and latency of the last minutes",
            description = "One sample per eventshop.dashboard.sample-interval, oldest first: events appended per"
                    + " second (all nodes), and this node's commands per second with their mean and maximum"
                    + " handling time, and the mean time of its event handlers.")
    @GetMapping("/metrics/live")
    List<LiveMetrics.Sample> liveMetrics() {
        return liveMetrics.history();
    }

    @Operation(operationId = "listDeadLetters", summary = "Dead letters",
            description = "By processing group, sequence and index, a page at a time; of one processing group with "
                    + "?group=.")
    @GetMapping("/dead-letters")
    ResponseEntity<List<DeadLetterView>> deadLetters(@RequestParam(required = false) String group,
            @RequestParam(defaultValue = "" + Limits.DEFAULT_PAGE_SIZE) @Min(1) @Max(Limits.MAX_PAGE_SIZE) int limit,
            @RequestParam(required = false) String after) {
        Cursor cursor = Cursor.read(DEAD_LETTERS, after, 3);
        return Pages.answer(deadLetters.list(group, cursor, Pages.fetchSize(limit)), limit,
                letter -> Cursor.of(DEAD_LETTERS, letter.processingGroup(), letter.sequence(), letter.index()));
    }

    @Operation(operationId = "retryDeadLetters", summary = "Retry a processing group's dead letters",
            description = "Answers how many sequences went through; those that fail again stay.")
    @PostMapping("/dead-letters/{group}/retry")
    Count retry(@PathVariable String group) {
        return new Count(deadLetters.retryAll(group));
    }

    @Operation(operationId = "retryDeadLetterSequence", summary = "Retry one dead-lettered sequence",
            description = "Answers 1 when it went through, 0 when it failed again (it stays, with the new cause).")
    @PostMapping("/dead-letters/{group}/{sequence}/retry")
    Count retryOne(@PathVariable String group, @PathVariable String sequence) {
        return new Count(deadLetters.retry(group, sequence) ? 1 : 0);
    }

    @Operation(operationId = "deleteDeadLetters", summary = "Give up a dead-lettered sequence",
            description = "Its events will not be handled by that processing group; answers how many were deleted.")
    @DeleteMapping("/dead-letters/{group}/{sequence}")
    Count delete(@PathVariable String group, @PathVariable String sequence) {
        return new Count(deadLetters.delete(group, sequence));
    }

    @Operation(operationId = "listSagas", summary = "Active sagas and pending deadlines",
            description = "Per saga type: how many are active and (up to a hundred) their associations; and the "
                    + "next thousand deadlines waiting in the scheduler. Page through them all with "
                    + "/api/admin/sagas/{type}/instances and /api/admin/deadlines.")
    @GetMapping("/sagas")
    Sagas sagas() {
        return new Sagas(sagas.sagas(), sagas.deadlines(null, SagaOperations.MAX_DEADLINES));
    }

    @Operation(operationId = "listSagaInstances", summary = "Active sagas of one type",
            description = "By saga id, a page at a time, each with its associations.")
    @GetMapping("/sagas/{type}/instances")
    ResponseEntity<List<SagaOperations.Instance>> sagaInstances(@PathVariable String type,
            @RequestParam(defaultValue = "" + Limits.DEFAULT_PAGE_SIZE) @Min(1) @Max(Limits.MAX_PAGE_SIZE) int limit,
            @RequestParam(required = false) String after) {
        Cursor cursor = Cursor.read(SAGAS, after, 1);
        return Pages.answer(sagas.instances(type, cursor == null ? null : cursor.text(0), Pages.fetchSize(limit)),
                limit, instance -> Cursor.of(SAGAS, instance.sagaId()));
    }

    @Operation(operationId = "listDeadlines", summary = "Pending deadlines",
            description = "The deadlines waiting in the scheduler, the soonest first, a page at a time.")
    @GetMapping("/deadlines")
    ResponseEntity<List<SagaOperations.PendingDeadline>> deadlines(
            @RequestParam(defaultValue = "" + Limits.DEFAULT_PAGE_SIZE) @Min(1) @Max(Limits.MAX_PAGE_SIZE) int limit,
            @RequestParam(required = false) String after) {
        Cursor cursor = Cursor.read(DEADLINES, after, 3);
        return Pages.answer(sagas.deadlines(cursor, Pages.fetchSize(limit)), limit,
                deadline -> Cursor.of(DEADLINES, deadline.dueAt(), deadline.task(), deadline.id()));
    }

    @Operation(operationId = "browseEvents", summary = "Browse the event store",
            description = "Newest first, as stored (before upcasting), filtered by aggregate, event type (simple or"
                    + " full name) and a time range [from, to), a page at a time.")
    @GetMapping("/events")
    ResponseEntity<List<StoredEvent>> events(@RequestParam(required = false) String aggregateId,
                                             @RequestParam(required = false) String type,
                                             @RequestParam(required = false) Instant from,
                                             @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "" + Limits.DEFAULT_PAGE_SIZE) @Min(1) @Max(Limits.MAX_PAGE_SIZE) int limit,
            @RequestParam(required = false) String after) {
        Cursor cursor = Cursor.read(EVENTS, after, 1);
        return Pages.answer(browser.page(new EventBrowser.Filter(aggregateId, type, from, to),
                        cursor == null ? null : cursor.number(0), Pages.fetchSize(limit)), limit,
                event -> Cursor.of(EVENTS, event.globalIndex()));
    }

    @Operation(operationId = "aggregateTimeline", summary = "An aggregate's timeline",
            description = "The events of any aggregate, in order, as its audit trail shows them, a page at a time.")
    @GetMapping("/aggregates/{aggregateId}/timeline")
    ResponseEntity<List<AuditEntry>> timeline(@PathVariable String aggregateId,
            @RequestParam(defaultValue = "" + Limits.DEFAULT_PAGE_SIZE) @Min(1) @Max(Limits.MAX_PAGE_SIZE) int limit,
            @RequestParam(required = false) String after) {
        return auditTrail.page(null, aggregateId, limit, after)
                .orElseThrow(() -> new NotFoundException("aggregate", aggregateId));
    }
}
