package com.customerledger.api.console;

import com.customerledger.api.web.Commands;
import com.customerledger.api.web.ForbiddenException;
import com.customerledger.api.web.NotFoundException;
import com.customerledger.api.web.Problems;
import com.customerledger.api.web.Reads;
import com.customerledger.command.RejectedException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The console's errors as pages (the API's are problem documents): the status, and what went wrong in words. */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static String page(HttpServletResponse response, Model model, int status, String detail) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("detail", detail);
        return "error-page";
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException failure, HttpServletResponse response, Model model) {
        return page(response, model, 404, failure.getMessage());
    }

    @ExceptionHandler(org.axonframework.modelling.command.AggregateNotFoundException.class)
    String unknown(org.axonframework.modelling.command.AggregateNotFoundException failure, HttpServletResponse response,
                   Model model) {
        return page(response, model, 404, "nothing with id " + failure.getAggregateIdentifier());
    }

    @ExceptionHandler(ForbiddenException.class)
    String forbidden(ForbiddenException failure, HttpServletResponse response, Model model) {
        return page(response, model, 403, failure.getMessage());
    }

    @ExceptionHandler(RejectedException.class)
    String rejected(RejectedException failure, HttpServletResponse response, Model model) {
        return page(response, model, Problems.statusOf(failure.code()).value(), failure.getMessage());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, HandlerMethodValidationException.class,
            IllegalArgumentException.class, java.time.format.DateTimeParseException.class,
            com.customerledger.api.web.BadRequestException.class,
            org.springframework.web.bind.MissingServletRequestParameterException.class})
    String badInput(Exception failure, HttpServletResponse response, Model model) {
        return page(response, model, 400, "bad input: " + failure.getMessage());
    }

    @ExceptionHandler({Reads.ProjectionsBehindException.class, Commands.CommandTimeoutException.class})
    String busy(RuntimeException failure, HttpServletResponse response, Model model) {
        response.setHeader("Retry-After", "1");
        return page(response, model, 503, failure.getMessage());
    }
}
