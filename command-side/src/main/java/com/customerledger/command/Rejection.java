package com.customerledger.command;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The details of a refused command: a code, a sentence for people, and extra facts a client can act
 * on (such as {@code existingCustomerId} or {@code currentOwnerRepId}). Travels as the details of a
 * {@link org.axonframework.commandhandling.CommandExecutionException}, so it survives a distributed
 * command bus.
 */
public record Rejection(ErrorCode code, String detail, Map<String, String> facts) {

    public Rejection {
        facts = facts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }
}
