package com.customerledger.events;

/** How an assignment rule picks one rep among its eligible candidates. */
public enum AssignmentStrategy {
    /** In turn: the next eligible candidate after the one who got the rule's previous customer. */
    ROUND_ROBIN,
    /** The eligible candidate with the lowest share of their capacity in use. */
    LEAST_LOADED,
    /** The first eligible candidate in the rule's order. */
    FIXED
}
