package com.customerledger.api.web;

import com.customerledger.command.ErrorCode;
import com.customerledger.command.Rejection;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into an RFC 9457 problem document: refusals of the domain keep their code and
 * facts (such as {@code existingCustomerId}); malformed input names the field at fault.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> refused(CommandExecutionException exception) {
        Object details = exception.getDetails().orElse(null);
        if (!(details instanceof Rejection rejection)) {
            return unexpected(exception);
        }
        ProblemDetail problem = Problems.of(Problems.statusOf(rejection.code()), Problems.typeOf(rejection.code()), rejection.detail());
        problem.setTitle(titleOf(rejection.code()));
        rejection.facts().forEach(problem::setProperty);
        return respond(problem);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> unknownAggregate(AggregateNotFoundException exception) {
        String id = String.valueOf(exception.getAggregateIdentifier());
        String detail = id.startsWith("inbox:") ? "no inbox item " + id.substring("inbox:".length()) + " in your inbox"
                : id.startsWith("sample:") ? "no sample " + id.substring("sample:".length())
                : id.startsWith("ticket:") ? "no ticket " + id.substring("ticket:".length())
                : "no customer or rep with id " + id;
        return respond(Problems.of(HttpStatus.NOT_FOUND, "not-found", detail));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException exception) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "not-found", exception.getMessage()));
    }

    @ExceptionHandler(KnownParameters.UnknownParameterException.class)
    ResponseEntity<Object> unknownParameter(KnownParameters.UnknownParameterException exception) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "unknown-parameter", exception.getMessage());
        problem.setProperty("allowedParameters", new java.util.TreeSet<>(exception.allowed));
        return respond(problem);
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<Object> badRequest(BadRequestException exception) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", exception.getMessage()));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Object> forbidden(ForbiddenException exception) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "not-allowed", exception.getMessage()));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrent(ConcurrencyException exception) {
        return respond(Problems.of(HttpStatus.CONFLICT, "concurrent-change",
                "the customer was changed by another request at the same moment; read it again and retry"));
    }

    @ExceptionHandler(Commands.CommandTimeoutException.class)
    ResponseEntity<Object> commandTimeout(Commands.CommandTimeoutException exception) {
        return respond(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "command-timeout", exception.getMessage()));
    }

    @ExceptionHandler(Reads.ProjectionsBehindException.class)
    ResponseEntity<Object> behind(Reads.ProjectionsBehindException exception) {
        return retryLater(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "projections-behind", exception.getMessage()), 1);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> badParameter(MethodArgumentTypeMismatchException exception) {
        String expected = exception.getRequiredType() == null ? "" : expectation(exception.getRequiredType());
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter",
                "parameter '" + exception.getName() + "' has an invalid value '" + exception.getValue() + "'" + expected));
    }

    /** The firewall checks parameter names only when the controller reads them (a NUL in a name, for example). */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException exception) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", exception.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception exception) {
        if (StoreOutages.isContention(exception)) {
            log.warn("a write lost races with concurrent writes: {}", exception.toString());
            return retryLater(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
                    "the write met concurrent writes to the same records and was not completed; nothing was changed "
                            + "unless a later read shows it. Try again."), 1);
        }
        if (StoreOutages.isOutage(exception)) {
            log.warn("a store could not be reached: {}", exception.toString());
            return retryLater(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
                    "a store the ledger needs could not be reached; nothing was changed unless a later read shows it. Try again."), 5);
        }
        log.error("unexpected failure", exception);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "the ledger failed unexpectedly; nothing was changed unless a later read shows it"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException exception,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        return invalid(exception.getBindingResult().getFieldErrors().stream().map(ProblemHandler::describe).toList());
    }

    private static ResponseEntity<Object> invalid(List<Map<String, String>> errors) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-input",
                errors.stream().map(e -> e.get("field") + " " + e.get("message")).collect(Collectors.joining("; ")));
        problem.setTitle("Invalid input");
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            @NonNull HandlerMethodValidationException exception, @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ParameterValidationResult result : exception.getParameterValidationResults()) {
            if (result instanceof ParameterErrors parameterErrors) {
                parameterErrors.getFieldErrors().forEach(error -> errors.add(describe(error)));
            } else {
                String name = result.getMethodParameter().getParameterName();
                result.getResolvableErrors().forEach(error ->
                        errors.add(Map.of("field", String.valueOf(name), "message", String.valueOf(error.getDefaultMessage()))));
            }
        }
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException exception,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyLimit.BodyTooLargeException tooLarge) {
                return respond(Problems.ofStatus(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage()));
            }
        }
        String detail = "the request body is not valid JSON for this endpoint";
        if (exception.getMessage() != null && exception.getMessage().startsWith("Required request body is missing")) {
            detail = "this request needs a JSON body and none was sent; its members are described in /v3/api-docs";
        } else if (exception.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            if (mapping instanceof UnrecognizedPropertyException) {
                detail = "'" + field + "' is not a field of this request";
            } else {
                String expected = mapping instanceof InvalidFormatException format ? expectation(format.getTargetType()) : "";
                detail = "field '" + field + "' has an invalid value" + expected;
            }
        }
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", detail);
        problem.setTitle("Malformed request body");
        return respond(problem);
    }

    /**
     * Every problem the framework answers (missing parameter, 404, 405, 406, 415, …) gets the ledger's type
     * and code, and is a problem document whatever the request's Accept says (see {@link #respond}).
     */
    @Override
    protected @NonNull ResponseEntity<Object> createResponseEntity(Object body, @NonNull HttpHeaders headers,
                                                                   @NonNull HttpStatusCode status,
                                                                   @NonNull WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            Problems.named(problem);
            HttpHeaders typed = new HttpHeaders();
            typed.putAll(headers);
            typed.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return super.createResponseEntity(body, typed, status, request);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(@NonNull NoResourceFoundException exception,
                                                                    @NonNull HttpHeaders headers,
                                                                    @NonNull HttpStatusCode status,
                                                                    @NonNull WebRequest request) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "not-found",
                "nothing is at " + exception.getHttpMethod() + " /" + exception.getResourcePath()));
    }

    private static String expectation(Class<?> type) {
        if (type.isEnum()) {
            return "; expected one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == java.time.Instant.class) {
            return "; expected " + BusinessTime.EXPECTED;
        }
        return "; expected " + type.getSimpleName();
    }

    private static Map<String, String> describe(FieldError error) {
        return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
    }

    private static String titleOf(ErrorCode code) {
        String words = code.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * The media type is set, not negotiated: an Accept that names no JSON type (or is not a media type at
     * all) would otherwise leave the error without a body.
     */
    /** A problem the client may retry after {@code seconds} (503 with Retry-After). */
    private static ResponseEntity<Object> retryLater(ProblemDetail problem, int seconds) {
        return ResponseEntity.status(problem.getStatus()).header(HttpHeaders.RETRY_AFTER, Integer.toString(seconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
