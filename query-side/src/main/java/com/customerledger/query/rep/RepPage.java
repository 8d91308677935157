package com.customerledger.query.rep;

import java.util.List;

/** One page of reps: the items, the page number and size asked for, and how many there are in all. */
public record RepPage(List<RepView> items, int page, int size, long total) {
}
