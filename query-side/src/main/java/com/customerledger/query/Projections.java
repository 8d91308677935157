package com.customerledger.query;

import java.util.List;

/** The processing groups of the query side: each is one projection into MongoDB. */
public final class Projections {

    public static final String CUSTOMERS = "customer-view";
    public static final String REPS = "rep-view";
    public static final String OWNERSHIP = "ownership-history";
    public static final String POLICIES = "policy-view";
    public static final String BATCHES = "batch-view";
    public static final String ACTIVITY = "activity-view";
    public static final String FUNNEL = "funnel-view";

    public static final List<String> ALL = List.of(CUSTOMERS, REPS, OWNERSHIP, POLICIES, BATCHES, ACTIVITY, FUNNEL);

    private Projections() {
    }
}
