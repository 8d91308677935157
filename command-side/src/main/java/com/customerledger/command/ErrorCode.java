package com.customerledger.command;

/** Why the ledger refused a command, and what kind of refusal it is. */
public enum ErrorCode {
    DUPLICATE_CUSTOMER(Kind.CONFLICT),
    ID_ALREADY_USED(Kind.CONFLICT),
    CUSTOMER_ALREADY_OWNED(Kind.CONFLICT),
    OWNER_CHANGED(Kind.CONFLICT),
    ALREADY_OWNER(Kind.CONFLICT),
    CUSTOMER_IN_POOL(Kind.CONFLICT),
    OWNER_AS_COLLABORATOR(Kind.CONFLICT),
    EFFECTIVE_TIME_BEFORE_LAST_CHANGE(Kind.CONFLICT),
    EFFECTIVE_TIME_IN_FUTURE(Kind.BAD_REQUEST),
    TIME_IN_FUTURE(Kind.BAD_REQUEST),
    INVALID_INPUT(Kind.BAD_REQUEST),
    REP_NOT_FOUND(Kind.NOT_FOUND),
    REP_DEPARTED(Kind.CONFLICT),
    REP_AT_CAPACITY(Kind.CONFLICT),
    INVALID_STATUS_CHANGE(Kind.CONFLICT),
    INVALID_POLICY(Kind.BAD_REQUEST),
    INVALID_SUCCESSOR(Kind.CONFLICT),
    CUSTOMER_NOT_FOUND(Kind.NOT_FOUND),
    OPPORTUNITY_CLOSED(Kind.CONFLICT),
    STAGE_BACKWARDS(Kind.CONFLICT),
    DEAL_BEFORE_REGISTRATION(Kind.CONFLICT),
    ALREADY_DECIDED(Kind.CONFLICT),
    ORDER_OUT_OF_ORDER(Kind.CONFLICT),
    ORDER_NOT_OWED(Kind.CONFLICT),
    PERIOD_NOT_ENDED(Kind.CONFLICT),
    ALREADY_SETTLED(Kind.CONFLICT),
    PRODUCT_NOT_FOUND(Kind.NOT_FOUND),
    INBOX_ITEM_NOT_FOUND(Kind.NOT_FOUND),
    TICKET_OUT_OF_ORDER(Kind.CONFLICT),
    EXPERT_NOT_FOUND(Kind.NOT_FOUND),
    ARTICLE_NOT_FOUND(Kind.NOT_FOUND),
    CHANGE_NOT_REVERSIBLE(Kind.CONFLICT),
    NOT_ALLOWED(Kind.FORBIDDEN);

    /** The family of a refusal; the HTTP layer turns it into a status code. */
    public enum Kind {
        BAD_REQUEST,
        FORBIDDEN,
        NOT_FOUND,
        CONFLICT
    }

    private final Kind kind;

    ErrorCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
