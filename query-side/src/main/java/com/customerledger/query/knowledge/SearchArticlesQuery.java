package com.customerledger.query.knowledge;

import com.customerledger.query.PageRequest;

/** Articles whose title, body or tags contain {@code q}, about {@code crop} and {@code species}; null: any. */
public record SearchArticlesQuery(String q, String crop, String species, PageRequest page) {
}
