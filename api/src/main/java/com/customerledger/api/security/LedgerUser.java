package com.customerledger.api.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A user of the embedded default; a field rep's user carries the rep id they act as. */
class LedgerUser extends User {

    private final String repId;

    LedgerUser(String username, String password, Collection<? extends GrantedAuthority> authorities, String repId) {
        super(username, password, authorities);
        this.repId = repId;
    }

    String repId() {
        return repId;
    }
}
