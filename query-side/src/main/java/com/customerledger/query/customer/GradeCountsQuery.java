package com.customerledger.query.customer;

/** How many customers have each grade, per owning rep or per province. */
public record GradeCountsQuery(By by) {

    public enum By {
        rep,
        region
    }
}
