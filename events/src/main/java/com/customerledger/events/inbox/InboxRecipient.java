package com.customerledger.events.inbox;

/**
 * Whose inbox an item is in: a rep (the users acting as that rep id), one user, or every user with a role
 * (such as {@code MANAGER} or {@code WAREHOUSE}). Exactly one of the three is set.
 */
public record InboxRecipient(String repId, String userId, String role) {

    public InboxRecipient {
        int set = (repId != null ? 1 : 0) + (userId != null ? 1 : 0) + (role != null ? 1 : 0);
        if (set != 1) {
            throw new IllegalArgumentException("an inbox item goes to exactly one rep, user or role");
        }
    }

    public static InboxRecipient rep(String repId) {
        return new InboxRecipient(repId, null, null);
    }

    public static InboxRecipient user(String userId) {
        return new InboxRecipient(null, userId, null);
    }

    public static InboxRecipient role(String role) {
        return new InboxRecipient(null, null, role);
    }
}
