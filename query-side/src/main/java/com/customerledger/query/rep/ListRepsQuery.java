package com.customerledger.query.rep;

import com.customerledger.query.PageRequest;

/** All reps, ordered by id. */
public record ListRepsQuery(PageRequest page) {
}
