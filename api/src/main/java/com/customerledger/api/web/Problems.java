package com.customerledger.api.web;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 problem documents of the ledger: {@code type} is a URN naming the problem. */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:customer-ledger:problem:";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        return problem;
    }

    /** {@code DUPLICATE_CUSTOMER} becomes {@code duplicate-customer}. */
    public static String typeOf(Enum<?> code) {
        return code.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
