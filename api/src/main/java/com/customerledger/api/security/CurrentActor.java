package com.customerledger.api.security;

import com.customerledger.api.config.LedgerProperties;
import com.customerledger.command.Actor;
import com.customerledger.command.Role;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/** The authenticated user of the current request as an {@link Actor}: identity always comes from here. */
@Component
public class CurrentActor {

    private final LedgerProperties.Jwt jwtClaims;

    CurrentActor(LedgerProperties properties) {
        this.jwtClaims = properties.security().jwt();
    }

    public Actor get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("no authenticated user on this request");
        }
        Set<Role> roles = rolesOf(authentication);
        if (authentication.getPrincipal() instanceof LedgerUser user) {
            return new Actor(user.getUsername(), user.repId(), roles, user.customerId());
        }
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return LedgerClaims.actor(jwt.getToken().getClaims(), jwtClaims, roles);
        }
        if (authentication.getPrincipal() instanceof org.springframework.security.oauth2.core.oidc.user.OidcUser oidc) {
            // the console's OIDC login: the same claims as a bearer token's
            return LedgerClaims.actor(oidc.getClaims(), jwtClaims, roles);
        }
        return new Actor(authentication.getName(), null, roles);
    }

    private static Set<Role> rolesOf(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name.startsWith("ROLE_")) {
                try {
                    roles.add(Role.valueOf(name.substring("ROLE_".length())));
                } catch (IllegalArgumentException ignored) {
                    // a role of another system: grants nothing here
                }
            }
        }
        return roles;
    }
}
