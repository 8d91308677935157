package com.customerledger.api.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import com.customerledger.api.config.LedgerProperties;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Who may call what. Role rules per endpoint live here in one table; which customers a rep may
 * touch is decided by the aggregates (writes) and the controllers (reads). HTTP Basic against the
 * configured users always works; a JWT resource server is added when an issuer is configured.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String ADMIN = "ADMIN";
    private static final String MANAGER = "MANAGER";
    private static final String REP = "REP";
    private static final String AUDITOR = "AUDITOR";
    private static final String FINANCE = "FINANCE";
    private static final String WAREHOUSE = "WAREHOUSE";
    private static final String DEALER = "DEALER";
    private static final String AGRONOMIST = "AGRONOMIST";

    /**
     * No observation (timer, long-task timer, span) around each security filter, authentication and
     * authorization of every request: they cost more CPU than the checks themselves. The request as a
     * whole is still observed ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The console (server-rendered pages under {@code /console}): a login form for the same users, a session
     * cookie, and CSRF protection on every form and every htmx request (the token travels in a header). What a page
     * shows and does goes through the same queries, commands and access checks as the API.
     */
    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain consoleSecurity(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> clients,
                                        ConsoleOidcUsers oidcUsers, Environment environment) throws Exception {
        ClientRegistration oidc = consoleClient(clients.getIfAvailable(), environment);
        http.securityMatcher("/console", "/console/**", "/login", "/logout", "/webjars/**", "/console-assets/**",
                        "/oauth2/authorization/**", "/login/oauth2/code/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/webjars/**", "/console-assets/**").permitAll()
                        .anyRequest().authenticated())
                .headers(headers -> headers.frameOptions(frame -> frame.deny()));
        if (oidc == null) {
            http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/console", true).permitAll())
                    .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
        } else {
            // the identity provider's login instead of the form; roles from the same claims as the API's bearer tokens
            http.oauth2Login(login -> login.loginPage("/oauth2/authorization/" + oidc.getRegistrationId())
                            .defaultSuccessUrl("/console", true)
                            .userInfoEndpoint(users -> users.oidcUserService(oidcUsers)))
                    .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/console"));
        }
        return http.build();
    }

    /** The console's OIDC users, with their roles mapped as a bearer token's are. */
    @Bean
    ConsoleOidcUsers consoleOidcUsers(LedgerProperties properties) {
        return new ConsoleOidcUsers(properties.security().jwt());
    }

    /** The registration id of the console's OIDC client ({@code spring.security.oauth2.client.registration.ledger.*}). */
    static final String CONSOLE_CLIENT = "ledger";

    /**
     * The console's OIDC client, when one is configured; it must log in at the issuer the API trusts for bearer tokens
     * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}), so a different issuer stops the start.
     */
    static ClientRegistration consoleClient(ClientRegistrationRepository clients, Environment environment) {
        ClientRegistration client = clients == null ? null : clients.findByRegistrationId(CONSOLE_CLIENT);
        if (client == null) {
            return null;
        }
        String apiIssuer = environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri");
        String consoleIssuer = client.getProviderDetails().getIssuerUri();
        if (apiIssuer != null && consoleIssuer != null && !apiIssuer.equals(consoleIssuer)) {
            throw new IllegalStateException("the console's OIDC login (spring.security.oauth2.client.provider."
                    + CONSOLE_CLIENT + ".issuer-uri = " + consoleIssuer + ") must use the issuer the API trusts "
                    + "(spring.security.oauth2.resourceserver.jwt.issuer-uri = " + apiIssuer + ")");
        }
        return client;
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemWriter problems, ObjectProvider<JwtDecoder> jwtDecoder,
                                    LedgerProperties properties) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/v3/api-docs/**",
                                "/swagger-ui/**", "/swagger-ui.html", "/error").permitAll()
                        .requestMatchers(POST, "/api/reps").hasRole(ADMIN)
                        .requestMatchers(POST, "/api/products").hasAnyRole(ADMIN, MANAGER)
                        .requestMatchers(PUT, "/api/reps/*/territory", "/api/reps/*/status").hasAnyRole(ADMIN, MANAGER)
                        .requestMatchers(POST, "/api/customers/*/transfer", "/api/reps/*/departure", "/api/transfers")
                        .hasAnyRole(ADMIN, MANAGER)
                        .requestMatchers(GET, "/api/transfers/**").hasAnyRole(ADMIN, MANAGER, AUDITOR)
                        .requestMatchers(POST, "/api/customers/*/claim").hasRole(REP)
                        .requestMatchers("/api/audit/**").hasAnyRole(ADMIN, AUDITOR)
                        .requestMatchers("/api/admin/**", "/api/webhooks", "/api/webhooks/**").hasRole(ADMIN)
                        .requestMatchers(GET, "/api/analytics/receivables", "/api/targets")
                        .hasAnyRole(ADMIN, MANAGER, AUDITOR, FINANCE, REP)
                        .requestMatchers(PUT, "/api/targets").hasAnyRole(ADMIN, MANAGER)
                        .requestMatchers(GET, "/api/policies/rebates", "/api/analytics/sales").hasAnyRole(ADMIN, MANAGER, AUDITOR, FINANCE)
                        .requestMatchers(POST, "/api/rebates/settlements").hasAnyRole(ADMIN, FINANCE)
                        .requestMatchers(GET, "/api/policies/**", "/api/analytics/**").hasAnyRole(ADMIN, MANAGER, AUDITOR)
                        .requestMatchers(POST, "/api/customers/*/grade", "/api/customers/*/ownership/reversals")
                        .hasAnyRole(ADMIN, MANAGER)
                        .requestMatchers("/api/policies/**").hasRole(ADMIN)
                        .requestMatchers("/api/imports/**", "/api/exports/**").hasAnyRole(ADMIN, MANAGER)
                        // the catalogue and prices are for everyone; finance reads customers and their credit
                        .requestMatchers(GET, "/api/products", "/api/products/*", "/api/prices").authenticated()
                        // every user has an inbox; the items it shows and marks are the caller's own
                        .requestMatchers(GET, "/api/inbox").authenticated()
                        .requestMatchers(POST, "/api/inbox/*/done").authenticated()
                        // the service desk: experts answer and resolve, the customer's side opens, closes and reopens
                        // (the ticket checks whose customer and which expert), managers reassign
                        .requestMatchers(POST, "/api/experts").hasRole(ADMIN)
                        .requestMatchers(GET, "/api/experts").hasAnyRole(ADMIN, MANAGER, AUDITOR, AGRONOMIST)
                        .requestMatchers(GET, "/api/articles").authenticated()
                        .requestMatchers(POST, "/api/articles").hasAnyRole(ADMIN, MANAGER, AGRONOMIST)
                        .requestMatchers(GET, "/api/tickets", "/api/tickets/*")
                        .hasAnyRole(ADMIN, MANAGER, AUDITOR, REP, AGRONOMIST, DEALER)
                        .requestMatchers(POST, "/api/tickets", "/api/tickets/*/close", "/api/tickets/*/reopen")
                        .hasAnyRole(ADMIN, MANAGER, REP, DEALER)
                        .requestMatchers(POST, "/api/tickets/*/responses", "/api/tickets/*/resolve").hasRole(AGRONOMIST)
                        .requestMatchers(POST, "/api/tickets/*/reassign").hasAnyRole(ADMIN, MANAGER)
                        .requestMatchers(GET, "/api/credit/**").hasAnyRole(ADMIN, MANAGER, AUDITOR, FINANCE)
                        // a dealer reaches its own orders and account only (the controllers and aggregates check whose)
                        .requestMatchers(GET, "/api/orders", "/api/orders/*")
                        .hasAnyRole(ADMIN, MANAGER, AUDITOR, REP, FINANCE, WAREHOUSE, DEALER)
                        .requestMatchers(POST, "/api/orders", "/api/orders/*/cancel", "/api/customers/*/sell-through")
                        .hasAnyRole(ADMIN, MANAGER, REP, DEALER)
                        .requestMatchers(POST, "/api/orders/*/dispatch", "/api/samples/*/dispatch").hasAnyRole(ADMIN, WAREHOUSE)
                        .requestMatchers(POST, "/api/orders/*/deliver").hasAnyRole(ADMIN, MANAGER, REP, WAREHOUSE, DEALER)
                        .requestMatchers(POST, "/api/orders/*/decision").hasAnyRole(ADMIN, MANAGER, FINANCE)
                        .requestMatchers(POST, "/api/credit/requests/*/decision", "/api/customers/*/payments")
                        .hasAnyRole(ADMIN, FINANCE)
                        .requestMatchers(GET, "/api/customers/*/credit", "/api/customers/*/payments", "/api/customers/*/rebates",
                                "/api/customers/*/sell-through")
                        .hasAnyRole(ADMIN, MANAGER, AUDITOR, REP, FINANCE, DEALER)
                        .requestMatchers(GET, "/api/customers", "/api/customers/*", "/api/customers/*/deals")
                        .hasAnyRole(ADMIN, MANAGER, AUDITOR, REP, FINANCE)
                        .requestMatchers(GET, "/api/**").hasAnyRole(ADMIN, MANAGER, AUDITOR, REP)
                        // AUDITOR is read-only: every other method needs a role that acts
                        .requestMatchers("/api/**").hasAnyRole(ADMIN, MANAGER, REP)
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        if (jwtDecoder.getIfAvailable() != null) {
            LedgerProperties.Jwt claims = properties.security().jwt();
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint(problems)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFrom(claims))));
        }
        return http.build();
    }

    private static Converter<Jwt, AbstractAuthenticationToken> rolesFrom(LedgerProperties.Jwt claims) {
        return jwt -> new JwtAuthenticationToken(jwt, LedgerClaims.authorities(jwt.getClaims(), claims),
                jwt.getClaimAsString(claims.userIdClaim()));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService configuredUsers(LedgerProperties properties) {
        Map<String, LedgerProperties.User> users = properties.security().users().stream()
                .collect(Collectors.toUnmodifiableMap(LedgerProperties.User::username, Function.identity()));
        users.values().stream().filter(user -> user.roles().contains(DEALER) && user.customerId() == null).findFirst()
                .ifPresent(user -> {
                    throw new IllegalStateException("user " + user.username() + " has role DEALER but no customer-id: a "
                            + "dealer user acts as its own customer (ledger.security.users[].customer-id)");
                });
        return username -> {
            LedgerProperties.User user = users.get(username);
            if (user == null) {
                throw new UsernameNotFoundException("no such user");
            }
            List<GrantedAuthority> authorities = user.roles().stream()
                    .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
            return new LedgerUser(user.username(), user.password(), authorities, user.repId(), user.customerId());
        };
    }
}
