package com.customerledger.api.security;

import com.customerledger.api.config.LedgerProperties;
import com.customerledger.command.Actor;
import com.customerledger.command.Role;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What an identity provider's claims make of a user, the same for a bearer JWT (the API) and an OIDC login (the
 * console): the roles from {@code ledger.security.jwt.roles-claim} (a list, or one string separated by spaces or
 * commas), the user id, rep id and customer id from their configured claims.
 */
final class LedgerClaims {

    private LedgerClaims() {
    }

    static List<GrantedAuthority> authorities(Map<String, Object> claims, LedgerProperties.Jwt names) {
        Object value = claims.get(names.rolesClaim());
        Collection<?> roles = value instanceof Collection<?> list ? list
                : value == null ? List.of() : List.of(value.toString().split("[ ,]+"));
        return roles.stream().filter(role -> !role.toString().isBlank())
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.toString().toUpperCase()))
                .toList();
    }

    static Actor actor(Map<String, Object> claims, LedgerProperties.Jwt names, Set<Role> roles) {
        return new Actor(text(claims.get(names.userIdClaim())), text(claims.get(names.repIdClaim())),
                roles, text(claims.get(names.customerIdClaim())));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
