package com.customerledger.events;

/**
 * Which of a rep's customers a bulk transfer moves: every criterion left null matches all.
 * {@code region} matches that region and everything inside it.
 */
public record CustomerFilterCriteria(CustomerType type, Region region, Grade grade) {
}
