package com.customerledger.api.web;

import com.customerledger.command.ErrorCode;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the RFC 9457 problem documents of the ledger: {@code type} is a URN naming the problem and
 * {@code code} the same name in upper case, for every error the server answers, its own or the
 * framework's.
 */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:customer-ledger:problem:";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        name(problem, type);
        return problem;
    }

    /** A problem of a status that the server answers without a more specific name (container and framework errors). */
    public static ProblemDetail ofStatus(HttpStatusCode status, String detail) {
        return of(status, nameOf(status), detail);
    }

    /** Gives a framework's problem document ({@code about:blank}) the ledger's name for its status; keeps a name it has. */
    public static ProblemDetail named(ProblemDetail problem) {
        String type = problem.getType().toString();
        if (type.startsWith(TYPE_PREFIX)) {
            if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
                problem.setProperty("code", codeOf(type.substring(TYPE_PREFIX.length())));
            }
        } else {
            name(problem, nameOf(HttpStatusCode.valueOf(problem.getStatus())));
        }
        return problem;
    }

    /** {@code DUPLICATE_CUSTOMER} becomes {@code duplicate-customer}. */
    /** The HTTP status of a domain refusal, by its kind: the API's problem documents and the console's pages agree. */
    public static HttpStatus statusOf(ErrorCode code) {
        return switch (code.kind()) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
    }

    public static String typeOf(Enum<?> code) {
        return code.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The problem name of a status: {@code 404} is {@code not-found}, {@code 415} {@code unsupported-media-type}. */
    public static String nameOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "invalid-request";
            case 401 -> "not-authenticated";
            case 403 -> "not-allowed";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "body-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 431 -> "headers-too-large";
            case 500 -> "internal-error";
            case 503 -> "unavailable";
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                yield known == null ? "http-" + status.value()
                        : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
            }
        };
    }

    private static void name(ProblemDetail problem, String type) {
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setProperty("code", codeOf(type));
    }

    private static String codeOf(String type) {
        return type.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
