package com.customerledger.query;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Which projections answer each query: the processing group of the class whose {@link QueryHandler}
 * takes it, plus those its {@link ReadsFrom} names. Worked out from the handlers themselves, so a
 * read waits for what serves it and not for a projection that is replaying elsewhere. A query whose
 * handler reads no projection (the assignment preview reads the event store) waits for none.
 */
@Component
public class QueryProjections {

    private final ListableBeanFactory beans;
    private volatile Map<Class<?>, Set<String>> byQueryType;

    public QueryProjections(ListableBeanFactory beans) {
        this.beans = beans;
    }

    /** The projections whose read models answer queries of {@code queryType}. */
    public Set<String> serving(Class<?> queryType) {
        Map<Class<?>, Set<String>> index = byQueryType;
        if (index == null) {
            index = scan();
            byQueryType = index;
        }
        return index.getOrDefault(queryType, Set.of());
    }

    private Map<Class<?>, Set<String>> scan() {
        Map<Class<?>, Set<String>> index = new HashMap<>();
        for (String name : beans.getBeanDefinitionNames()) {
            Class<?> type = beans.getType(name, false);
            if (type != null) {
                handledQueries(ClassUtils.getUserClass(type)).forEach((query, groups) -> index.merge(query, groups,
                        (one, other) -> union(one, other)));
            }
        }
        return Map.copyOf(index);
    }

    private static Set<String> union(Set<String> one, Set<String> other) {
        Set<String> all = new TreeSet<>(one);
        all.addAll(other);
        return Set.copyOf(all);
    }

    /** Each query type {@code handlerClass} answers, with the projections it reads for it. */
    public static Map<Class<?>, Set<String>> handledQueries(Class<?> handlerClass) {
        Map<Class<?>, Set<String>> handled = new HashMap<>();
        for (Method method : ReflectionUtils.getUniqueDeclaredMethods(handlerClass)) {
            if (AnnotatedElementUtils.hasAnnotation(method, QueryHandler.class) && method.getParameterCount() > 0) {
                handled.merge(method.getParameterTypes()[0], servingOf(method), QueryProjections::union);
            }
        }
        return handled;
    }

    /** The projections one query handler reads: its class's processing group and those of its {@link ReadsFrom}. */
    public static Set<String> servingOf(Method handler) {
        Set<String> groups = new TreeSet<>();
        ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(handler.getDeclaringClass(), ProcessingGroup.class);
        if (group != null) {
            groups.add(group.value());
        }
        ReadsFrom reads = handler.getAnnotation(ReadsFrom.class);
        if (reads != null) {
            groups.addAll(List.of(reads.value()));
        }
        return Set.copyOf(groups);
    }
}
