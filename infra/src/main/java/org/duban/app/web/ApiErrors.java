package org.duban.app.web;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.duban.api.CommandRefused;
import org.duban.api.MetadataKeys;
import org.duban.api.NotAuthorized;
import org.duban.app.axon.EventHandlerFailed;
import org.duban.app.axon.FailedEvent;
import org.duban.process.EngineFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * Turns refusals and bad input into RFC 9457 problem answers that say what was wrong, never a bare 500.
 * Causes are unwrapped because the command bus, the query bus and the process engine wrap what they throw.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {
    /** The container refuses a NUL byte in an upload's file name while parsing, before the evidence check sees it. */
    static final String NUL_IN_FILE_NAME = "the file name holds the control character U+0000 (a NUL byte), which no "
            + "file name may; rename the file";
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail noSuchAggregate(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badInput(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        IllegalArgumentException invalidField = Causes.find(e, IllegalArgumentException.class);
        if (invalidField != null) {
            return badInput(invalidField);
        }
        MismatchedInputException mismatch = Causes.find(e, MismatchedInputException.class);
        if (mismatch != null && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "field " + field + ": " + mismatch.getOriginalMessage());
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "request body is not valid JSON");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "parameter " + e.getParameterName() + " is required");
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "part " + e.getRequestPartName()
                + " is required: upload the file as multipart/form-data field \"" + e.getRequestPartName() + "\"");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mistyped(MethodArgumentTypeMismatchException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "parameter " + e.getName() + ": \""
                + e.getValue() + "\" is not a valid " + (e.getRequiredType() == null ? "value"
                : e.getRequiredType().getSimpleName()));
    }

    /** Form fields bound to a record: names each field and the value it could not take. */
    @ExceptionHandler(BindException.class)
    ProblemDetail unbound(BindException e) {
        String fields = e.getFieldErrors().stream().map(error -> "parameter " + error.getField() + ": \""
                + error.getRejectedValue() + "\" is not a valid value").collect(Collectors.joining("; "));
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, fields.isEmpty() ? e.getMessage() : fields);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "the upload is larger than "
                + (e.getMaxUploadSize() > 0 ? e.getMaxUploadSize() / 1048576 + " MB" : "the server accepts"));
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail badUpload(MultipartException e) {
        MaxUploadSizeExceededException tooLarge = Causes.find(e, MaxUploadSizeExceededException.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        if (Causes.find(e, InvalidFileNameException.class) != null) {
            // the container refuses it while parsing; the evidence check names the other control characters itself
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, NUL_IN_FILE_NAME);
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the upload is not a complete multipart/form-data request");
    }

    @ExceptionHandler(CommandRefused.class)
    ProblemDetail refused(CommandRefused e) {
        // refused for who acts (a supervisor of another office), not for the state of things
        HttpStatus status = e instanceof NotAuthorized ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setProperty("code", e.code());
        return problem;
    }

    /** Wrapped failures: answer for the cause, so a refusal inside a workflow step is still a 409. */
    @ExceptionHandler({CompletionException.class, CommandExecutionException.class,
            EventHandlerFailed.class})
    ProblemDetail wrapped(RuntimeException e) {
        CommandRefused refusal = Causes.find(e, CommandRefused.class);
        if (refusal != null) {
            return refused(refusal);
        }
        EventHandlerFailed handlerFailed = EventHandlerFailed.in(e);
        if (handlerFailed != null) {
            return handlerFailed(handlerFailed);
        }
        IllegalArgumentException invalid = Causes.find(e, IllegalArgumentException.class);
        if (invalid != null) {
            return badInput(invalid);
        }
        if (Races.lost(e)) {
            return changedMeanwhile(e);
        }
        return defect(e);
    }

    /** A race lost to another request on the same aggregate or step that no retry took care of. */
    @ExceptionHandler({ConcurrencyException.class,
            ConcurrencyFailureException.class})
    ProblemDetail changedMeanwhile(Exception e) {
        log.info("race lost: {}", e.toString());
        return refused(Races.changedMeanwhile(null, e));
    }

    /** Who may not do this: a problem body like every other refusal, instead of the container's error page. */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage() == null
                ? "you may not do this" : e.getMessage());
    }

    /**
     * The last resort: Spring MVC's own refusals (wrong method, media type, missing path variable) keep their status
     * and say why; a failure inside a workflow step is answered for its cause; a race is a 409; anything else is a
     * defect of the server, logged with the correlation id that the answer names.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (EngineFailures.isEngineFailure(e)) {
            ProblemDetail problem = wrapped((RuntimeException) e);
            return ResponseEntity.status(problem.getStatus()).body(problem);
        }
        if (e instanceof ErrorResponse known) {
            return ResponseEntity.status(known.getStatusCode()).headers(known.getHeaders())
                    .body(known.getBody());
        }
        AccessDeniedException denied = Causes.find(e,
                AccessDeniedException.class);
        ProblemDetail problem = denied != null ? forbidden(denied) : Races.lost(e) ? changedMeanwhile(e) : defect(e);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ProblemDetail defect(Exception e) {
        String correlationId = MDC.get(MetadataKeys.CORRELATION_ID);
        log.error("request failed (correlation id {})", correlationId, e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "the request could not be completed; quote correlation id " + correlationId + " when reporting it");
        problem.setProperty("correlationId", correlationId);
        return problem;
    }

    /** A server defect, not bad input: says which event and handler, and that the command left no trace. */
    private ProblemDetail handlerFailed(EventHandlerFailed e) {
        log.error("request failed and was rolled back: {}", e.event().describe(), e);
        FailedEvent event = e.event();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, event.handler()
                + " could not apply " + event.event() + "; nothing was stored, no step was completed: "
                + "this is a defect of the server, reported in its log");
        problem.setTitle("Event handler failed");
        problem.setProperty("handler", event.handler());
        problem.setProperty("eventType", event.eventType());
        return problem;
    }
}
