package com.customerledger.query.visit;

import java.util.List;

/** One page of a customer's visit timeline, newest first. */
public record VisitPage(List<VisitView> items, int page, int size, long total) {
}
