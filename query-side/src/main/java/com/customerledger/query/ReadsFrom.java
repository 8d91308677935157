package com.customerledger.query;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a query handler: the projections (processing groups of {@link Projections}) whose read models
 * it reads besides the one of its own class. A read with {@code ?minPosition=} waits for exactly
 * these and its class's projection, see {@link QueryProjections}.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadsFrom {

    String[] value();
}
