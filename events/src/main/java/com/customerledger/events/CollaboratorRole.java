package com.customerledger.events;

/** What a collaborator may do with a customer: EDITOR may record and update, VIEWER may only read. */
public enum CollaboratorRole {
    EDITOR,
    VIEWER
}
