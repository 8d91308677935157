package com.customerledger.events.inbox;

/** What an inbox item asks of its recipient or tells it. */
public enum InboxItemKind {
    /** A visit's next follow-up is due. */
    FOLLOW_UP_DUE,
    /** A customer will go back to the public pool unless its owner acts. */
    POOL_WARNING,
    /** A manager is asked to review a rep's high-intent visit. */
    REVIEW,
    /** The warehouse is asked to send a sample. */
    SAMPLE_TASK,
    /** The rep is told that the sample it asked for was sent. */
    SAMPLE_SENT,
    /** An expert has a ticket to answer. */
    TICKET,
    /** A ticket missed a service deadline. */
    ESCALATION,
    /** A contact's birthday is coming. */
    BIRTHDAY,
    /** A solar-term campaign reaches the customer. */
    CAMPAIGN,
    /** A customer owes past its terms. */
    OVERDUE_CREDIT,
    /** A farm's last delivery is about to run out. */
    NEXT_PURCHASE
}
