package org.duban.app.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import org.duban.app.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Administrators drop and rebuild projections by replaying the event store. */
@RestController
@RequestMapping("/api/admin/projections")
@PreAuthorize("hasRole('ADMIN')")
class RebuildApi {
    private final ProjectionRebuild rebuild;

    RebuildApi(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Operation(summary = "Every projection with the row count of each of its tables")
    @GetMapping
    List<ProjectionRebuild.ProjectionRows> projections() {
        return rebuild.projections();
    }

    @Operation(summary = "Rebuild one projection ({\"projection\": name}) or, without a name, all of them",
            description = "Answers 202 with the run; 409 while another run is going on, 404 for an unknown name.")
    @PostMapping("/rebuild")
    ResponseEntity<RebuildProgress> start(@RequestBody(required = false) RebuildRequest request) {
        RebuildProgress started = rebuild.start(request == null ? null : request.projection());
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections/rebuild")).body(started);
    }

    @Operation(summary = "The running rebuild's progress, or the last run's result",
            description = "A failed run names the event a projection could not apply in failedEvent; its views are "
                    + "as they were before the run.")
    @GetMapping("/rebuild")
    RebuildProgress progress() {
        return rebuild.progress().orElseThrow(() -> new NotFound("no rebuild has run since the application started"));
    }

    @ExceptionHandler(RebuildRefused.class)
    ProblemDetail refused(RebuildRefused e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    record RebuildRequest(String projection) {
    }
}
