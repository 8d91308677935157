package com.customerledger.command.rep;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.customerledger.command.ErrorCode;
import com.customerledger.command.RejectedException;
import com.customerledger.command.Role;
import com.customerledger.events.RepDepartedEvent;
import com.customerledger.events.RepRegisteredEvent;
import com.customerledger.events.RepStatus;
import com.customerledger.events.RepStatusChangedEvent;
import com.customerledger.events.RepTerritoryChangedEvent;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A sales rep: territory, capacity and status. */
@Aggregate
public class Rep {

    /** The kind-qualified identifier ({@link RepId#toString()}); a String, as Axon stores it in deadline scopes. */
    @AggregateIdentifier
    private String id;
    private String repId;
    private RepRegisteredEvent registration;
    private RepStatus status;

    protected Rep() {
        // for Axon: event sourcing and CREATE_IF_MISSING
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(RegisterRepCommand command) {
        if (!command.actor().roles().contains(Role.ADMIN)) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only admins register reps");
        }
        RepRegisteredEvent registered = new RepRegisteredEvent(command.repId().value(), command.name(),
                command.regions(), command.productLines(), command.customerTypes(), command.capacity(),
                command.managerRepId(), command.actor().userId());
        if (repId != null) {
            if (!sameRegistration(registered)) {
                throw RejectedException.of(ErrorCode.ID_ALREADY_USED,
                        "rep id " + repId + " is already registered with other data", "repId", repId);
            }
            return repId;
        }
        apply(registered);
        return command.repId().value();
    }

    @CommandHandler
    public void handle(ChangeRepTerritoryCommand command) {
        if (!command.actor().actsForCompany()) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only managers and admins change a rep's territory");
        }
        if (status == RepStatus.DEPARTED) {
            throw RejectedException.of(ErrorCode.REP_DEPARTED, "rep " + repId + " has departed", "repId", repId);
        }
        apply(new RepTerritoryChangedEvent(repId, command.regions(), command.productLines(),
                command.customerTypes(), command.capacity(), command.actor().userId()));
    }

    @CommandHandler
    public void handle(ChangeRepStatusCommand command) {
        if (!command.actor().actsForCompany()) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only managers and admins change a rep's status");
        }
        if (status == RepStatus.DEPARTED) {
            throw RejectedException.of(ErrorCode.REP_DEPARTED, "rep " + repId + " has departed", "repId", repId);
        }
        if (command.status() == RepStatus.DEPARTED) {
            throw new RejectedException(ErrorCode.INVALID_STATUS_CHANGE,
                    "a departure moves the rep's customers; use the departure process, not a status change");
        }
        if (command.status() == status) {
            return;
        }
        apply(new RepStatusChangedEvent(repId, status, command.status(), command.reason(), command.actor().userId()));
    }

    @CommandHandler
    public String handle(DepartRepCommand command, RepBook reps, Clock clock) {
        if (!command.actor().actsForCompany()) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only managers and admins record departures");
        }
        if (status == RepStatus.DEPARTED) {
            throw RejectedException.of(ErrorCode.REP_DEPARTED, "rep " + repId + " has already departed", "repId", repId);
        }
        String successor = command.successorRepId();
        if (successor != null) {
            if (successor.equals(repId)) {
                throw new RejectedException(ErrorCode.INVALID_SUCCESSOR, "a departing rep cannot be their own successor");
            }
            RepBook.Standing standing = reps.standing(successor).orElseThrow(() -> RejectedException.of(
                    ErrorCode.REP_NOT_FOUND, "rep " + successor + " is not registered", "repId", successor));
            if (standing.status() != RepStatus.ACTIVE) {
                throw RejectedException.of(ErrorCode.INVALID_SUCCESSOR,
                        "successor " + successor + " is " + standing.status() + ", not ACTIVE", "repId", successor);
            }
        }
        if (command.effectiveAt() != null && command.effectiveAt().isAfter(clock.instant())) {
            throw new RejectedException(ErrorCode.EFFECTIVE_TIME_IN_FUTURE, "a departure cannot be recorded ahead of time");
        }
        RepBook.Book book = reps.lockBook(repId);
        apply(new RepDepartedEvent(repId, successor, command.reason(), command.effectiveAt(), command.batchId(),
                book.owned(), book.collaborations(), command.actor().userId()));
        return command.batchId();
    }

    private boolean sameRegistration(RepRegisteredEvent candidate) {
        return candidate.name().equals(registration.name())
                && candidate.regions().equals(registration.regions())
                && candidate.productLines().equals(registration.productLines())
                && candidate.customerTypes().equals(registration.customerTypes())
                && candidate.capacity() == registration.capacity()
                && java.util.Objects.equals(candidate.managerRepId(), registration.managerRepId());
    }

    @EventSourcingHandler
    void on(RepRegisteredEvent event) {
        id = new RepId(event.repId()).toString();
        repId = event.repId();
        registration = event;
        status = RepStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(RepStatusChangedEvent event) {
        status = event.to();
    }

    @EventSourcingHandler
    void on(RepDepartedEvent event) {
        status = RepStatus.DEPARTED;
    }
}
