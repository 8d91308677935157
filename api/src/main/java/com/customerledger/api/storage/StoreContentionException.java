package com.customerledger.api.storage;

/**
 * A command that kept losing races with concurrent transactions on the command side's PostgreSQL (or
 * whose lookups could not be committed after its events were appended): answered 503 with
 * Retry-After, as a store that cannot be reached is. Repeating it is safe when it names its own id.
 */
public class StoreContentionException extends RuntimeException {

    public StoreContentionException(String message, Throwable cause) {
        super(message, cause);
    }
}
