package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.customerledger.api.security.ConsoleOidcUsers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * With a JWT issuer and an OIDC client configured, the console logs in at the identity provider instead of the form,
 * and the roles come from the same configured claim as a bearer token's. No identity provider runs here: the
 * redirect to its authorization endpoint is checked as it leaves, and a logged-in OIDC user is put in the request
 * (spring-security-test's {@code oidcLogin()}) as the console's own user service maps it.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ConsoleOidcLoginTest {

    private static final Path DATA_DIR = TestData.newDirectory("ledger-oidc-");
    private static final String AUTHORIZE = "http://idp.invalid/realms/ledger/protocol/openid-connect/auth";

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    ConsoleOidcUsers users;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) throws IOException, NoSuchAlgorithmException {
        Path key = DATA_DIR.resolve("issuer.pub");
        Files.writeString(key, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        registry.add("ledger.data-dir", () -> DATA_DIR.resolve("data").toString());
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> key.toUri().toString());
        registry.add("ledger.security.jwt.roles-claim", () -> "ledger_roles");
        registry.add("ledger.security.jwt.rep-id-claim", () -> "employee_no");
        String client = "spring.security.oauth2.client.registration.ledger.";
        registry.add(client + "client-id", () -> "ledger-console");
        registry.add(client + "client-secret", () -> "console-secret");
        registry.add(client + "scope", () -> "openid,profile");
        registry.add(client + "authorization-grant-type", () -> "authorization_code");
        registry.add(client + "redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
        String provider = "spring.security.oauth2.client.provider.ledger.";
        registry.add(provider + "authorization-uri", () -> AUTHORIZE);
        registry.add(provider + "token-uri", () -> "http://idp.invalid/token");
        registry.add(provider + "jwk-set-uri", () -> "http://idp.invalid/certs");
        registry.add(provider + "user-name-attribute", () -> "sub");
    }

    private HttpResponse<String> anonymous(String path) throws IOException, InterruptedException {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theConsoleSendsAnonymousUsersToTheIdentityProvidersLogin() throws Exception {
        HttpResponse<String> console = anonymous("/console/approvals");
        assertThat(console.statusCode()).isEqualTo(302);
        assertThat(console.headers().firstValue("Location").orElseThrow()).endsWith("/oauth2/authorization/ledger");
        HttpResponse<String> start = anonymous("/oauth2/authorization/ledger");
        assertThat(start.statusCode()).isEqualTo(302);
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(AUTHORIZE + "?");
        assertThat(authorize.getQuery()).contains("response_type=code", "client_id=ledger-console", "scope=openid profile",
                "state=", "nonce=", "redirect_uri=http://127.0.0.1:" + port + "/login/oauth2/code/ledger");
        // the form login is gone with it; bearer tokens still answer the API as problem documents
        assertThat(anonymous("/api/customers").statusCode()).isEqualTo(401);
    }

    /** An OIDC user as the provider would vouch for it, mapped by the console's user service. */
    private OidcUser user(String subject, Object roles, String repId) {
        Map<String, Object> claims = new java.util.HashMap<>(Map.of("sub", subject, "ledger_roles", roles,
                "iss", "http://idp.invalid/realms/ledger"));
        if (repId != null) {
            claims.put("employee_no", repId);
        }
        OidcIdToken token = new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(300), claims);
        return users.withLedgerRoles(new DefaultOidcUser(List.of(), token, "sub"));
    }

    private MvcResult open(String path, OidcUser user) throws Exception {
        return mvc.perform(get(path).with(oidcLogin().oidcUser(user))).andReturn();
    }

    @Test
    void anOidcUsersRolesClaimDecidesWhatTheConsoleOpens() throws Exception {
        OidcUser finance = user("zhao.li", List.of("FINANCE"), null);
        assertThat(finance.getName()).isEqualTo("zhao.li");
        assertThat(finance.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_FINANCE");
        MvcResult approvals = open("/console/approvals", finance);
        assertThat(approvals.getResponse().getStatus()).isEqualTo(200);
        assertThat(approvals.getResponse().getContentAsString()).contains("zhao.li", "id=\"queue-CREDIT\"",
                "id=\"queue-CREDIT_LIMIT\"").doesNotContain("id=\"queue-PRICE\"");
        assertThat(open("/console/tickets", finance).getResponse().getStatus()).isEqualTo(403);

        // one string with spaces or commas, as some providers send it; any case
        OidcUser expert = user("agro-oidc", "agronomist", null);
        assertThat(open("/console/tickets", expert).getResponse().getStatus()).isEqualTo(200);
        assertThat(open("/console/approvals", expert).getResponse().getStatus()).isEqualTo(403);

        OidcUser rep = user("wang.fang", "REP", "E2001");
        MvcResult home = open("/console", rep);
        assertThat(home.getResponse().getStatus()).isEqualTo(200);
        assertThat(home.getResponse().getContentAsString()).contains("wang.fang", "/console/my")
                .doesNotContain("/console/approvals", "/console/tickets");
        assertThat(open("/console/approvals", rep).getResponse().getStatus()).isEqualTo(403);

        OidcUser nobody = user("guest", List.of(), null);
        assertThat(open("/console/approvals", nobody).getResponse().getStatus()).isEqualTo(403);
        assertThat(open("/console/audit", nobody).getResponse().getStatus()).isEqualTo(403);
    }
}
