package com.customerledger.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A read refuses a query parameter it does not take (400 {@code unknown-parameter}), so that a
 * misspelt filter ({@code ?grdae=A}) is not silently ignored and the answer taken for a filtered one.
 * The parameters a read takes are those its handler declares: its {@code @RequestParam}s and the
 * components of a record it binds (such as {@link PageParams}).
 */
@Component
class KnownParameters implements HandlerInterceptor, WebMvcConfigurer {

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private final Map<HandlerMethod, Set<String>> known = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"GET".equals(request.getMethod()) || !(handler instanceof HandlerMethod method)
                || !method.getBeanType().getPackageName().startsWith("com.customerledger")) {
            return true;
        }
        Set<String> allowed = known.computeIfAbsent(method, KnownParameters::declared);
        for (String name : request.getParameterMap().keySet()) {
            if (!allowed.contains(name)) {
                throw new UnknownParameterException(name, allowed);
            }
        }
        return true;
    }

    private static Set<String> declared(HandlerMethod method) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            parameter.initParameterNameDiscovery(NAMES);
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String name = param.name().isEmpty() ? parameter.getParameterName() : param.name();
                names.add(name);
            } else if (parameter.getParameterType().isRecord() && !parameter.hasParameterAnnotation(RequestBody.class)
                    && !parameter.hasParameterAnnotation(PathVariable.class)
                    && !parameter.hasParameterAnnotation(RequestHeader.class)) {
                for (RecordComponent component : parameter.getParameterType().getRecordComponents()) {
                    names.add(component.getName());
                }
            }
        }
        return Set.copyOf(names);
    }

    /** A query parameter the read does not take. */
    static class UnknownParameterException extends BadRequestException {

        final Set<String> allowed;

        UnknownParameterException(String name, Set<String> allowed) {
            super("unknown query parameter '" + name + "'; this read takes " + (allowed.isEmpty() ? "none"
                    : String.join(", ", new TreeSet<>(allowed))));
            this.allowed = allowed;
        }
    }
}
