package com.customerledger.query.analytics;

/** Customer counts per province and city, by type and by grade. */
public record CustomersByRegionQuery() {
}
