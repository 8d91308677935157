package com.customerledger.api.security;

import com.customerledger.api.web.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers 401 and 403 from the security filters, and the firewall's refusals (an HTTP method it does not
 * know, {@code ..} or {@code %2F} in a path), with the same problem documents as the controllers.
 */
@Component
class ProblemWriter implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final ObjectMapper json;

    ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"customer-ledger\"");
        write(response, Problems.of(HttpStatus.UNAUTHORIZED, "not-authenticated",
                "Log in: HTTP Basic with a configured user, or a bearer token where JWT is configured"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        write(response, Problems.of(HttpStatus.FORBIDDEN, "not-allowed",
                "Your role may not " + request.getMethod() + " " + request.getRequestURI()));
    }

    /**
     * Written here, not left to the container's error page: an error dispatch passes the same firewall,
     * and a request it rejects (an unknown method such as {@code PROPFIND}) would get an empty 400 there.
     */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException exception)
            throws IOException {
        write(response, Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "the request's method, path or headers are not "
                + "allowed here (for example an unknown method, or '..', ';', '%2F' or '%25' in the path)"));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
