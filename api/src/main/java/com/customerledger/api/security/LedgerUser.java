package com.customerledger.api.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A configured user; a field rep's user carries the rep id they act as, a dealer's its customer id. */
class LedgerUser extends User {

    private final String repId;
    private final String customerId;

    LedgerUser(String username, String password, Collection<? extends GrantedAuthority> authorities, String repId,
               String customerId) {
        super(username, password, authorities);
        this.repId = repId;
        this.customerId = customerId;
    }

    String repId() {
        return repId;
    }

    /** The customer a DEALER user acts as. */
    String customerId() {
        return customerId;
    }
}
