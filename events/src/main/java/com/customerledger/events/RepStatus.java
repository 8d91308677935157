package com.customerledger.events;

/** Whether a rep is working, temporarily away, or gone for good (then they can never receive customers again). */
public enum RepStatus {
    ACTIVE,
    ON_LEAVE,
    DEPARTED
}
