package com.customerledger.command.batch;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.customerledger.command.ErrorCode;
import com.customerledger.command.RejectedException;
import com.customerledger.command.rep.RepBook;
import com.customerledger.events.CustomerFilterCriteria;
import com.customerledger.events.RepStatus;
import com.customerledger.events.TransferBatchStartedEvent;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A bulk transfer: which customers it covers is fixed when it starts; the runner then moves them one by one. */
@Aggregate
public class TransferBatch {

    @AggregateIdentifier
    private String batchId;

    protected TransferBatch() {
        // for Axon
    }

    @CommandHandler
    public TransferBatch(StartTransferBatchCommand command, RepBook reps, Clock clock) {
        if (!command.actor().actsForCompany()) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only managers and admins start bulk transfers");
        }
        reps.standing(command.fromRepId()).orElseThrow(() -> RejectedException.of(ErrorCode.REP_NOT_FOUND,
                "rep " + command.fromRepId() + " is not registered", "repId", command.fromRepId()));
        if (!command.byRules()) {
            if (command.toRepId().equals(command.fromRepId())) {
                throw new RejectedException(ErrorCode.INVALID_SUCCESSOR, "a bulk transfer must move customers to another rep");
            }
            RepBook.Standing to = reps.standing(command.toRepId()).orElseThrow(() -> RejectedException.of(
                    ErrorCode.REP_NOT_FOUND, "rep " + command.toRepId() + " is not registered", "repId", command.toRepId()));
            if (to.status() == RepStatus.DEPARTED) {
                throw RejectedException.of(ErrorCode.REP_DEPARTED, "rep " + to.repId() + " has departed", "repId", to.repId());
            }
        }
        if (command.effectiveAt() != null && command.effectiveAt().isAfter(clock.instant())) {
            throw new RejectedException(ErrorCode.EFFECTIVE_TIME_IN_FUTURE, "a transfer cannot be made ahead of time");
        }
        CustomerFilterCriteria filter = command.filter() == null ? new CustomerFilterCriteria(null, null, null) : command.filter();
        List<String> customers = reps.customersOwnedBy(command.fromRepId(), filter.type(), filter.region(), filter.grade());
        apply(new TransferBatchStartedEvent(command.batchId().value(), command.fromRepId(),
                command.byRules() ? null : command.toRepId(), command.byRules(), filter, command.reason(),
                command.effectiveAt(), command.note(), customers, command.actor().userId()));
    }

    @EventSourcingHandler
    void on(TransferBatchStartedEvent event) {
        batchId = new BatchId(event.batchId()).toString();
    }
}
