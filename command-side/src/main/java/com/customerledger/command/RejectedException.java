package com.customerledger.command;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;

/** Thrown by a command handler that refuses a command; nothing is appended. */
public class RejectedException extends CommandExecutionException {

    private final Rejection rejection;

    public RejectedException(ErrorCode code, String detail) {
        this(new Rejection(code, detail, Map.of()));
    }

    public RejectedException(Rejection rejection) {
        super(rejection.detail(), null, rejection);
        this.rejection = rejection;
    }

    /** A refusal with facts given as name, value pairs; a value may be null ("the customer has no owner"). */
    public static RejectedException of(ErrorCode code, String detail, String... factPairs) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < factPairs.length; i += 2) {
            facts.put(factPairs[i], factPairs[i + 1]);
        }
        return new RejectedException(new Rejection(code, detail, facts));
    }

    public Rejection rejection() {
        return rejection;
    }

    public ErrorCode code() {
        return rejection.code();
    }
}
