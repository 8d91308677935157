package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With a JWT issuer (here: its public key) configured, bearer tokens authenticate: the user id,
 * roles and rep id come from the configured claims, never from the request body.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JwtSecurityTest {

    private static final KeyPair KEYS = rsaKeys();
    private static final Path DATA_DIR;
    private static final Path PUBLIC_KEY;

    static {
        try {
            DATA_DIR = TestData.newDirectory("ledger-jwt-");
            PUBLIC_KEY = DATA_DIR.resolve("issuer.pub");
            Files.writeString(PUBLIC_KEY, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void jwtIssuer(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", () -> DATA_DIR.resolve("data").toString());
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> PUBLIC_KEY.toUri().toString());
        registry.add("ledger.security.jwt.roles-claim", () -> "ledger_roles");
        registry.add("ledger.security.jwt.rep-id-claim", () -> "employee_no");
    }

    @Test
    void bearerTokensCarryUserRolesAndRepId() throws Exception {
        Api api = new Api(port);
        String admin = token("alice", List.of("ADMIN"), null);
        assertThat(api.withToken(admin, "POST", "/api/reps", Map.of("repId", "E1001", "name", "王芳",
                "regions", List.of(Map.of("province", "河北省")), "capacity", 5)).status()).isEqualTo(201);

        String rep = token("wangfang", List.of("REP"), "E1001");
        Api.Response lead = api.withToken(rep, "POST", "/api/customers", Map.of("name", "令牌测试农场", "type", "FARM",
                "region", Map.of("province", "河北省"), "ownerRepId", "E1001"));
        assertThat(lead.status()).as(lead.toString()).isEqualTo(201);
        assertThat(lead.text("ownerRepId")).isEqualTo("E1001");

        Api.Response portfolio = api.withToken(rep, "GET", "/api/reps/E1001/portfolio?minPosition=" + lead.position(), null);
        assertThat(portfolio.status()).isEqualTo(200);
        assertThat(api.withToken(rep, "GET", "/api/reps/rep-a/portfolio", null).status()).isEqualTo(403);
        assertThat(api.withToken(rep, "POST", "/api/reps", Map.of("name", "x", "regions", List.of(), "capacity", 1))
                .status()).isEqualTo(403);
    }

    @Test
    void aDealerTokenActsAsTheCustomerOfItsClaim() throws Exception {
        Api api = new Api(port);
        String admin = token("alice", List.of("ADMIN"), null);
        Api.Response registered = api.withToken(admin, "POST", "/api/customers", Map.of("customerId", "c-jwt-dealer",
                "name", "令牌经销商", "type", "DEALER", "region", Map.of("province", "河北省")));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        Api.Response other = api.withToken(admin, "POST", "/api/customers", Map.of("name", "别家经销商", "type", "DEALER",
                "region", Map.of("province", "河北省")));
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("dealer-hb").claim("ledger_roles", List.of("DEALER"))
                .claim("customer_id", "c-jwt-dealer").issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
        String dealer = sign(claims.build(), KEYS);
        long at = Math.max(registered.position(), other.position());
        assertThat(api.withToken(dealer, "GET", "/api/customers/c-jwt-dealer/credit?minPosition=" + at, null).status())
                .isEqualTo(200);
        assertThat(api.withToken(dealer, "GET", "/api/customers/" + other.text("customerId") + "/credit", null).status())
                .isEqualTo(403);
        // without the claim a DEALER token acts as no customer at all
        String nobody = token("dealer-x", List.of("DEALER"), null);
        assertThat(api.withToken(nobody, "GET", "/api/customers/c-jwt-dealer/credit", null).status()).isEqualTo(403);
    }

    @Test
    void forgedOrExpiredTokensAre401() throws Exception {
        Api api = new Api(port);
        KeyPair other = rsaKeys();
        String forged = sign(claims("mallory", List.of("ADMIN"), null, Instant.now().plusSeconds(300)), other);
        assertThat(api.withToken(forged, "GET", "/api/reps", null).status()).isEqualTo(401);
        String expired = sign(claims("alice", List.of("ADMIN"), null, Instant.now().minusSeconds(300)), KEYS);
        Api.Response refused = api.withToken(expired, "GET", "/api/reps", null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    private static String token(String subject, List<String> roles, String repId) throws Exception {
        return sign(claims(subject, roles, repId, Instant.now().plusSeconds(300)), KEYS);
    }

    private static JWTClaimsSet claims(String subject, List<String> roles, String repId, Instant expires) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).claim("ledger_roles", roles)
                .issueTime(new Date()).expirationTime(Date.from(expires));
        if (repId != null) {
            claims.claim("employee_no", repId);
        }
        return claims.build();
    }

    private static String sign(JWTClaimsSet claims, KeyPair keys) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
