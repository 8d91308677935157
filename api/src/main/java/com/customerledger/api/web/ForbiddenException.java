package com.customerledger.api.web;

/** The caller is authenticated but may not see or touch this resource. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
