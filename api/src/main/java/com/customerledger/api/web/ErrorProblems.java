package com.customerledger.api.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page: whatever the servlet container or a filter turns into an error
 * status before a controller runs (an oversized body, a malformed request) is answered
 * with a problem document like every other error, not with Spring Boot's default JSON.
 */
@Hidden
@RestController
class ErrorProblems implements ErrorController {

    @RequestMapping(path = "/error", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatusCode status = HttpStatusCode.valueOf(code instanceof Integer value && value >= 400 ? value : 500);
        String detail = switch (status.value()) {
            case 400 -> "the request is malformed";
            case 404 -> "nothing is at " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            case 413 -> "the request body is larger than the ledger accepts";
            default -> HttpStatus.resolve(status.value()) == null ? "error " + status.value()
                    : HttpStatus.resolve(status.value()).getReasonPhrase();
        };
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.ofStatus(status, detail));
    }
}
