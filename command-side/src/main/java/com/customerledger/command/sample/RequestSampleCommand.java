package com.customerledger.command.sample;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ask the warehouse for a sample a customer requested during a visit; sent by the visit's workflow, not by clients. */
public record RequestSampleCommand(String sampleId, String customerId, String visitId, String repId, String productId,
                                   BigDecimal quantity, String requestedBy) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Sample.aggregateId(sampleId);
    }
}
