package com.customerledger.query;

/** Which page of a list to read: zero-based page number and page size. */
public record PageRequest(int page, int size) {

    public long offset() {
        return (long) page * size;
    }
}
