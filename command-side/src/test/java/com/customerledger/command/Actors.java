package com.customerledger.command;

import java.util.Set;

/** The users the fixture tests act as. */
public final class Actors {

    public static final Actor MANAGER = new Actor("manager", null, Set.of(Role.MANAGER));
    public static final Actor ADMIN = new Actor("admin", null, Set.of(Role.ADMIN));

    private Actors() {
    }

    public static Actor rep(String repId) {
        return new Actor(repId, repId, Set.of(Role.REP));
    }
}
