package com.customerledger.query.inbox;

import com.customerledger.query.PageRequest;
import java.util.Set;

/**
 * The inbox of a user: the items for its rep id (null for a user who is no rep), for the user itself, and for its
 * roles; open ones only unless {@code includeDone}; of one kind when {@code kind} is set.
 */
public record FindInboxQuery(String repId, String userId, Set<String> roles, boolean includeDone, String kind,
                             PageRequest page) {

    public FindInboxQuery {
        roles = Set.copyOf(roles);
    }
}
