package com.customerledger.query.customer;

import java.util.List;
import java.util.Map;

/** Customers per grade ("UNGRADED" for those not graded yet) for each rep or province ("POOL" for unowned). */
public record GradeCounts(String by, List<Row> rows) {

    public record Row(String key, Map<String, Long> grades, long total) {
    }
}
