package com.customerledger.api.web;

/** Input that is well-formed but makes no sense together (for example a period that ends before it starts). */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
