package com.customerledger.events;

/** How a rep was in contact with a customer. */
public enum VisitChannel {
    ON_SITE,
    PHONE,
    MESSAGE
}
