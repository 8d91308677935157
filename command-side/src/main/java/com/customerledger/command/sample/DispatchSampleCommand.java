package com.customerledger.command.sample;

import com.customerledger.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The warehouse sent a requested sample (WAREHOUSE or ADMIN); sent already, nothing changes. */
public record DispatchSampleCommand(String sampleId, String note, Actor actor) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Sample.aggregateId(sampleId);
    }
}
