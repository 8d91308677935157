package com.customerledger.events;

/** The sales funnel, in order; WON and LOST close an opportunity. */
public enum OpportunityStage {
    LEAD,
    VISITED,
    SAMPLE_SENT,
    QUOTED,
    WON,
    LOST;

    public boolean closed() {
        return this == WON || this == LOST;
    }
}
