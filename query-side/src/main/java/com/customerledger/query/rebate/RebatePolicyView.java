package com.customerledger.query.rebate;

import com.customerledger.events.rebate.RebateProgram;
import java.time.Instant;
import java.util.List;

/** The rebate policy in force (version 0: none set), who set it and when. */
public record RebatePolicyView(int version, List<RebateProgram> programs, String setBy, Instant setAt) {
}
