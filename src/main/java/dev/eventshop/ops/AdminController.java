package dev.eventshop.ops;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The operator's API (admin only, see SecurityConfiguration): event processors and dead letters. */
@Tag(name = "Operations", description = "Event processors and dead letters (admin)")
@RestController
@RequestMapping("/api/admin")
class AdminController {

    private final ProcessorOperations processors;
    private final DeadLetterOperations deadLetters;

    AdminController(ProcessorOperations processors, DeadLetterOperations deadLetters) {
        this.processors = processors;
        this.deadLetters = deadLetters;
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

    @Operation(operationId = "replayProcessor", summary = "Replay an event processor",
            description = "Clears what its handlers keep and rebuilds it from the start of the store, or from an"
                    + " instant. Watch replayProgress on the processor until it reaches 1.")
    @PostMapping("/processors/{name}/replay")
    ResponseEntity<ProcessorStatus> replay(@PathVariable String name,
                                           @RequestBody(required = false) ReplayRequest request) {
        processors.replay(name, request == null ? null : request.from());
        return ResponseEntity.accepted().body(processors.one(name));
    }

    @Operation(operationId = "listDeadLetters", summary = "Dead letters",
            description = "The oldest first, at most a thousand; of one processing group with ?group=.")
    @GetMapping("/dead-letters")
    List<DeadLetterView> deadLetters(@RequestParam(required = false) String group) {
        return deadLetters.list(group);
    }

    @Operation(operationId = "retryDeadLetters", summary = "Retry a processing group's dead letters",
            description = "Answers how many sequences went through; those that fail again stay.")
    @PostMapping("/dead-letters/{group}/retry")
    Count retry(@PathVariable String group) {
        return new Count(deadLetters.retryAll(group));
    }

    @Operation(operationId = "deleteDeadLetters", summary = "Give up a dead-lettered sequence",
            description = "Its events will not be handled by that processing group; answers how many were deleted.")
    @DeleteMapping("/dead-letters/{group}/{sequence}")
    Count delete(@PathVariable String group, @PathVariable String sequence) {
        return new Count(deadLetters.delete(group, sequence));
    }
}
