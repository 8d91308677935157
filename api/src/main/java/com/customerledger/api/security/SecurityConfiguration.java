package com.customerledger.api.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import com.customerledger.api.config.LedgerProperties;
import java.util.Collection;
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
    SecurityFilterChain consoleSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/console", "/console/**", "/login", "/logout", "/webjars/**", "/console-assets/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/webjars/**", "/console-assets/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/console", true).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers.frameOptions(frame -> frame.deny()));
        return http.build();
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
        return jwt -> {
            Object value = jwt.getClaims().get(claims.rolesClaim());
            Collection<?> roles = value instanceof Collection<?> list ? list
                    : value == null ? List.of() : List.of(value.toString().split("[ ,]+"));
            List<GrantedAuthority> authorities = roles.stream()
                    .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.toString().toUpperCase()))
                    .toList();
            return new JwtAuthenticationToken(jwt, authorities, jwt.getClaimAsString(claims.userIdClaim()));
        };
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
