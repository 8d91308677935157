package com.customerledger.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks of a request's shape that no single endpoint should have to repeat: query parameters hold
 * no control characters (a NUL in a search reaches the store otherwise), and a body is declared
 * with a concrete media type ({@code *}{@code /*} or {@code application/*} names no format, 415).
 */
@Component
class RequestShape implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotSupportedException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            for (String value : parameter.getValue()) {
                if (hasControlCharacter(parameter.getKey()) || hasControlCharacter(value)) {
                    throw new BadRequestException("query parameter '" + printable(parameter.getKey())
                            + "' contains a control character");
                }
            }
        }
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        boolean hasBody = request.getContentLengthLong() != 0;
        if (hasBody && contentType != null && !contentType.isBlank()) {
            MediaType type;
            try {
                type = MediaType.parseMediaType(contentType);
            } catch (org.springframework.http.InvalidMediaTypeException malformed) {
                throw new HttpMediaTypeNotSupportedException("Content-Type '" + printable(contentType) + "' is not a media type");
            }
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                throw new HttpMediaTypeNotSupportedException(type, List.of(MediaType.APPLICATION_JSON),
                        org.springframework.http.HttpMethod.valueOf(request.getMethod()));
            }
        }
        return true;
    }

    static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(64).forEach(c -> out.append(Character.isISOControl(c) ? "\\u%04x".formatted(c) : Character.toString(c)));
        return out.toString();
    }
}
