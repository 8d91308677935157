package com.customerledger.events.ticket;

/** What a service ticket is about. */
public enum TicketKind {
    /** A question on growing or raising: fertilizing, feeding, disease. */
    AGRONOMY,
    /** A complaint about the company's service or a person. */
    COMPLAINT,
    /** A product that is not as it should be. */
    QUALITY,
    /** A delivery that was late, short or damaged. */
    DELIVERY
}
