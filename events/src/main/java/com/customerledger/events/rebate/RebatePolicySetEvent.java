package com.customerledger.events.rebate;

import java.util.List;
import org.axonframework.serialization.Revision;

/** Version {@code version} of the rebate policy: these programs replace those of the version before. */
@Revision("1")
public record RebatePolicySetEvent(int version, List<RebateProgram> programs, String setBy) {

    public RebatePolicySetEvent {
        programs = List.copyOf(programs);
    }
}
