package com.customerledger.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.http.HttpMessageConverters;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks of a request's shape that no single endpoint should have to repeat: query parameters hold
 * no control characters (a NUL in a search reaches the store otherwise), a body is declared
 * with a concrete media type ({@code *}{@code /*} or {@code application/*} names no format, 415), and
 * a write is refused (406) before it runs when its answer could not be given in a type the Accept
 * header allows: found out only afterwards, the 406 would come with the write already stored.
 */
@Component
class RequestShape implements WebMvcConfigurer, HandlerInterceptor {

    /** Looked up when first needed: the converters are made after the MVC configurers, this one included. */
    private final ObjectProvider<HttpMessageConverters> converters;
    private volatile List<MediaType> answerTypes;

    RequestShape(ObjectProvider<HttpMessageConverters> converters) {
        this.converters = converters;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotSupportedException, HttpMediaTypeNotAcceptableException {
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
            } catch (InvalidMediaTypeException malformed) {
                throw new HttpMediaTypeNotSupportedException("Content-Type '" + printable(contentType) + "' is not a media type");
            }
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                throw new HttpMediaTypeNotSupportedException(type, List.of(MediaType.APPLICATION_JSON),
                        org.springframework.http.HttpMethod.valueOf(request.getMethod()));
            }
        }
        if (handler instanceof HandlerMethod && !HttpMethod.GET.matches(request.getMethod())
                && !HttpMethod.HEAD.matches(request.getMethod())) {
            acceptsAnAnswer(request);
        }
        return true;
    }

    /** As Spring negotiates the answer's type later: an Accept that is no media type, or names none the answer has, is 406. */
    private void acceptsAnAnswer(HttpServletRequest request) throws HttpMediaTypeNotAcceptableException {
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
        } catch (InvalidMediaTypeException malformed) {
            throw new HttpMediaTypeNotAcceptableException("Accept is not a media type: " + malformed.getMessage());
        }
        List<MediaType> answers = answerTypes();
        boolean any = accepted.isEmpty() || accepted.stream().anyMatch(type -> answers.stream().anyMatch(type::isCompatibleWith));
        if (!any) {
            throw new HttpMediaTypeNotAcceptableException(answers);
        }
    }

    /** The types the JSON converters write the answers of the controllers in (JSON, {@code +json}, YAML). */
    private List<MediaType> answerTypes() {
        if (answerTypes == null) {
            answerTypes = converters.getObject().getConverters().stream()
                    .filter(AbstractJackson2HttpMessageConverter.class::isInstance)
                    .flatMap(converter -> converter.getSupportedMediaTypes().stream()).distinct().toList();
        }
        return answerTypes;
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
