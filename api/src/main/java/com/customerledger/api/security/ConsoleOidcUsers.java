package com.customerledger.api.security;

import com.customerledger.api.config.LedgerProperties;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The console's OIDC users: whom the identity provider vouches for (ID token and user info, loaded by Spring's
 * {@link OidcUserService}), with the ledger's roles read from the same claims as a bearer JWT's
 * ({@link LedgerClaims}), named by the configured user-id claim.
 */
public class ConsoleOidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService loader = new OidcUserService();
    private final LedgerProperties.Jwt names;

    ConsoleOidcUsers(LedgerProperties.Jwt names) {
        this.names = names;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        return withLedgerRoles(loader.loadUser(request));
    }

    /** The user as the console knows it: the provider's claims, the ledger's roles, the user id as its name. */
    public OidcUser withLedgerRoles(OidcUser loaded) {
        if (loaded.getClaims().get(names.userIdClaim()) == null) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user", "the identity provider's token has no "
                    + names.userIdClaim() + " claim (ledger.security.jwt.user-id-claim)", null));
        }
        return new DefaultOidcUser(LedgerClaims.authorities(loaded.getClaims(), names), loaded.getIdToken(),
                loaded.getUserInfo(), names.userIdClaim());
    }
}
