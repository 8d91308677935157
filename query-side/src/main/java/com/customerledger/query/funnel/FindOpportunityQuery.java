package com.customerledger.query.funnel;

/** One opportunity with its path through the funnel, if it exists. */
public record FindOpportunityQuery(String opportunityId) {
}
