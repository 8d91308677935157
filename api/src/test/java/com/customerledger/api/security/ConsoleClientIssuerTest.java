package com.customerledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/** The console's OIDC client is the registration "ledger", and it must log in at the issuer the API trusts. */
class ConsoleClientIssuerTest {

    private static final String ISSUER = "https://sso.example.com/realms/ledger";

    private static InMemoryClientRegistrationRepository clients(String id, String issuer) {
        return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(id)
                .clientId("ledger-console").authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}").scope("openid")
                .authorizationUri(issuer + "/auth").tokenUri(issuer + "/token").jwkSetUri(issuer + "/certs")
                .issuerUri(issuer).build());
    }

    private static MockEnvironment apiIssuer(String issuer) {
        return new MockEnvironment().withProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer);
    }

    @Test
    void theConsoleLogsInAtTheApisIssuer() {
        assertThat(SecurityConfiguration.consoleClient(clients("ledger", ISSUER), apiIssuer(ISSUER)).getRegistrationId())
                .isEqualTo("ledger");
        // without an issuer for the API (a public key only), the console's client is taken as configured
        assertThat(SecurityConfiguration.consoleClient(clients("ledger", ISSUER), new MockEnvironment())).isNotNull();
    }

    @Test
    void anotherIssuerStopsTheStartAndNoClientKeepsTheForm() {
        assertThatThrownBy(() -> SecurityConfiguration.consoleClient(clients("ledger", "https://other.example.com"),
                apiIssuer(ISSUER))).isInstanceOf(IllegalStateException.class).hasMessageContaining("must use the issuer");
        assertThat(SecurityConfiguration.consoleClient(null, apiIssuer(ISSUER))).isNull();
        assertThat(SecurityConfiguration.consoleClient(clients("another-app", ISSUER), apiIssuer(ISSUER))).isNull();
    }
}
