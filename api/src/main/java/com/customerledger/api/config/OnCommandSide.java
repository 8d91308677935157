package com.customerledger.api.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * A bean of the api module that works on the command side's state (the import worker and its endpoint): only on an
 * instance that runs the command side (see {@link Roles}).
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Conditional(OnCommandSide.Condition.class)
public @interface OnCommandSide {

    /** True on a {@code command} instance or one of no role. */
    class Condition implements org.springframework.context.annotation.Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Roles.commandSide(context.getEnvironment());
        }
    }
}
