package com.customerledger.query.analytics;

import java.util.List;
import java.util.Map;

/** Customer counts per province and city ("" when the city is not known), by type and by grade ("UNGRADED"). */
public record CustomersByRegion(List<Row> rows) {

    public record Row(String province, String city, long total, Map<String, Long> byType, Map<String, Long> byGrade) {
    }
}
