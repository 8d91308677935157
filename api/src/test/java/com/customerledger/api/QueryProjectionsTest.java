package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.command.assignment.PreviewAssignmentQuery;
import com.customerledger.query.Projections;
import com.customerledger.query.QueryProjections;
import com.customerledger.query.customer.FindCustomerQuery;
import com.customerledger.query.customer.SearchCustomersQuery;
import com.customerledger.query.rep.FindRepQuery;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.queryhandling.QueryHandler;
import org.junit.jupiter.api.Test;

/**
 * The projections a read waits for are worked out from the query handlers; these checks keep that
 * honest: every query of the query side has a handler that names at least one known projection,
 * and a handler that calls into another projection's class waits for that projection too.
 */
class QueryProjectionsTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.customerledger");

    private static Map<Class<?>, Set<String>> handled(String packagePrefix) {
        Map<Class<?>, Set<String>> handled = new HashMap<>();
        for (JavaClass type : CLASSES) {
            if (type.getPackageName().startsWith(packagePrefix)) {
                handled.putAll(QueryProjections.handledQueries(type.reflect()));
            }
        }
        return handled;
    }

    @Test
    void everyQueryOfTheQuerySideIsServedByKnownProjections() {
        Map<Class<?>, Set<String>> handled = handled("com.customerledger.query");
        Set<Class<?>> queries = new HashSet<>();
        for (JavaClass type : CLASSES) {
            if (type.getPackageName().startsWith("com.customerledger.query") && type.getSimpleName().endsWith("Query")
                    && type.isRecord()) {
                queries.add(type.reflect());
            }
        }
        assertThat(queries).hasSizeGreaterThan(10);
        assertThat(handled.keySet()).containsAll(queries);
        handled.forEach((query, groups) -> assertThat(groups).as(query.getSimpleName()).isNotEmpty()
                .isSubsetOf(Projections.ALL));
    }

    @Test
    void aHandlerThatCallsIntoAnotherProjectionWaitsForIt() {
        for (JavaClass type : CLASSES) {
            for (JavaMethod method : type.getMethods()) {
                if (method.isAnnotatedWith(QueryHandler.class) && type.getPackageName().startsWith("com.customerledger.query")) {
                    Set<String> called = projectionsCalledBy(method, new HashSet<>());
                    assertThat(QueryProjections.servingOf(method.reflect())).as(method.getFullName())
                            .containsAll(called);
                }
            }
        }
    }

    /** The processing groups of the classes whose methods {@code method} calls, following calls within its own class. */
    private static Set<String> projectionsCalledBy(JavaMethod method, Set<JavaMethod> seen) {
        Set<String> groups = new HashSet<>();
        if (!seen.add(method)) {
            return groups;
        }
        for (JavaMethodCall call : method.getMethodCallsFromSelf()) {
            JavaClass target = call.getTargetOwner();
            if (target.equals(method.getOwner())) {
                call.getTarget().resolveMember().ifPresent(own -> groups.addAll(projectionsCalledBy(own, seen)));
            } else if (target.isAnnotatedWith(ProcessingGroup.class)) {
                groups.add(target.getAnnotationOfType(ProcessingGroup.class).value());
            }
        }
        return groups;
    }

    @Test
    void readsWaitForTheProjectionsTheirHandlersRead() {
        Map<Class<?>, Set<String>> handled = handled("com.customerledger");
        assertThat(handled.get(FindCustomerQuery.class))
                .containsExactlyInAnyOrder(Projections.CUSTOMERS, Projections.ACTIVITY, Projections.FUNNEL);
        assertThat(handled.get(SearchCustomersQuery.class)).containsExactly(Projections.CUSTOMERS);
        // a rep's load is counted in the customer view
        assertThat(handled.get(FindRepQuery.class)).containsExactlyInAnyOrder(Projections.REPS, Projections.CUSTOMERS);
        // the preview reads the event store itself: it waits for no projection
        assertThat(handled.get(PreviewAssignmentQuery.class)).isEmpty();
    }
}
