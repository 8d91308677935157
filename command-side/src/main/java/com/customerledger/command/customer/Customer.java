package com.customerledger.command.customer;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.customerledger.command.Actor;
import com.customerledger.command.ErrorCode;
import com.customerledger.command.RejectedException;
import com.customerledger.command.assignment.AssignmentDesk;
import com.customerledger.command.assignment.Decision;
import com.customerledger.command.grading.CustomerGrading;
import com.customerledger.command.pool.ReleaseNeglectedCustomerCommand;
import com.customerledger.command.pool.RemindOfPoolReleaseCommand;
import com.customerledger.command.rep.RepBook;
import com.customerledger.events.CollaboratorAddedEvent;
import com.customerledger.events.CollaboratorRemovedEvent;
import com.customerledger.events.CustomerClaimedEvent;
import com.customerledger.events.CustomerOwnershipReversedEvent;
import com.customerledger.events.CustomerPoolReminderIssuedEvent;
import com.customerledger.events.CustomerProfile;
import com.customerledger.events.CustomerProfileUpdatedEvent;
import com.customerledger.events.CustomerRegisteredEvent;
import com.customerledger.events.CustomerReleasedEvent;
import com.customerledger.events.CustomerTransferredEvent;
import com.customerledger.events.DealCreditMovedEvent;
import com.customerledger.events.DealRecordedEvent;
import com.customerledger.events.VisitRecordedEvent;
import com.customerledger.events.PastOwnershipChangeReversedEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A customer and who owns it. Decides registrations, claims, transfers, releases, reversals,
 * collaborator roles, profile changes and what is recorded on it; a rep may only change a customer
 * they own (or edit as an EDITOR collaborator), managers and admins act for the company. Its members
 * keep the ownership history, the roles, the visit and deal records, and decide its grade
 * ({@link CustomerGrading}); the pool rule runs as its own process ({@code PoolProcess}).
 */
@Aggregate(snapshotTriggerDefinition = Customer.SNAPSHOT_TRIGGER)
@Revision("3")
public class Customer {

    /**
     * The bean deciding when a Customer is snapshotted. A snapshot is the aggregate's fields as JSON
     * (the application's serializer reads and writes them by field) under the revision above: change
     * the fields or what the event sourcing handlers do with them and raise the revision, so that
     * older snapshots are ignored (Axon's revision snapshot filter) and the customer is rebuilt from
     * its events.
     */
    public static final String SNAPSHOT_TRIGGER = "customerSnapshotTrigger";

    /** The classes a snapshot holds, the aggregate and its members: each is written and read by its fields. */
    public static final List<Class<?>> SNAPSHOT_TYPES = List.of(Customer.class, Ownership.class, Collaborators.class,
            VisitsAndDeals.class, CustomerGrading.class);

    /** The kind-qualified identifier ({@link CustomerId#toString()}); a String, as Axon stored it in the scopes of the pool deadlines the aggregate once set. */
    @AggregateIdentifier
    private String id;
    private String customerId;
    private CustomerRegisteredEvent registration;
    private CustomerProfile profile;
    @AggregateMember
    private final Ownership ownership = new Ownership();
    @AggregateMember
    private final Collaborators collaborators = new Collaborators();
    @AggregateMember
    private final VisitsAndDeals records = new VisitsAndDeals();
    @AggregateMember
    private final CustomerGrading grading = new CustomerGrading();

    protected Customer() {
        // for Axon: event sourcing and CREATE_IF_MISSING
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RegistrationResult handle(RegisterCustomerCommand command, CustomerKeyRegistry keys, RepBook reps,
                                     AssignmentDesk assignment, Clock clock) {
        Actor actor = command.actor();
        String owner = command.ownerRepId();
        if (!actor.actsForCompany()) {
            if (actor.repId() == null || (owner != null && !actor.isRep(owner))) {
                throw new RejectedException(ErrorCode.NOT_ALLOWED,
                        "a rep registers customers for themselves; only managers choose another owner");
            }
            owner = actor.repId();
        }
        if (customerId != null) {
            return repeatedRegistration(command.profile(), owner);
        }
        keys.requireUnclaimed(CustomerKeys.of(command.profile()), command.customerId().value());
        Instant effectiveAt = registrationTime(command.effectiveAt(), now(clock));
        CustomerRegisteredEvent registered;
        if (owner != null) {
            reps.requireCanReceive(owner);
            registered = new CustomerRegisteredEvent(command.customerId().value(), command.profile(), owner, null, null,
                    null, effectiveAt, actor.userId(), command.importId());
        } else {
            Decision decision = assignment.decide(command.profile());
            registered = new CustomerRegisteredEvent(command.customerId().value(), command.profile(), decision.repId(),
                    decision.isAssigned() ? decision.ruleId() : null, decision.policyVersion(), decision.unassignedReason(),
                    effectiveAt, actor.userId(), command.importId());
        }
        apply(registered);
        return resultOf(registered);
    }

    /** Now, or an import's earlier start of the first ownership period (to the millisecond, never ahead of now). */
    private static Instant registrationTime(Instant requestedAt, Instant now) {
        if (requestedAt == null) {
            return now;
        }
        Instant requested = requestedAt.truncatedTo(ChronoUnit.MILLIS);
        if (requested.isAfter(now)) {
            throw RejectedException.of(ErrorCode.EFFECTIVE_TIME_IN_FUTURE,
                    "effectiveAt " + requested + " lies in the future; ownership cannot start ahead of time",
                    "now", now.toString());
        }
        return requested;
    }

    private static RegistrationResult resultOf(CustomerRegisteredEvent registered) {
        return new RegistrationResult(registered.customerId(), registered.ownerRepId(), registered.assignedByRule(),
                registered.policyVersion(), registered.unassignedReason());
    }

    private RegistrationResult repeatedRegistration(CustomerProfile requestedProfile, String requestedOwner) {
        boolean rulesDecided = registration.assignedByRule() != null || registration.unassignedReason() != null;
        String originallyRequested = rulesDecided ? null : registration.ownerRepId();
        if (!registration.profile().equals(requestedProfile) || !Objects.equals(originallyRequested, requestedOwner)) {
            throw RejectedException.of(ErrorCode.ID_ALREADY_USED,
                    "customer id " + customerId + " is already registered with other data",
                    "existingCustomerId", customerId, "currentOwnerRepId", owner());
        }
        return resultOf(registration);
    }

    @CommandHandler
    public void handle(UpdateCustomerProfileCommand command, CustomerKeyRegistry keys) {
        Actor actor = command.actor();
        if (!actor.actsForCompany() && !actor.isRep(owner()) && !collaborators.canEdit(actor.repId())) {
            throw notYours(actor);
        }
        List<String> changed = new ArrayList<>();
        CustomerProfile updated = new CustomerProfile(
                pick("name", command.name(), CustomerProfile::name, changed),
                pick("type", command.type(), CustomerProfile::type, changed),
                pick("region", command.region(), CustomerProfile::region, changed),
                pick("address", command.address(), CustomerProfile::address, changed),
                pick("creditCode", command.creditCode(), CustomerProfile::creditCode, changed),
                pick("phone", command.phone(), CustomerProfile::phone, changed),
                pick("contacts", command.contacts(), CustomerProfile::contacts, changed),
                pick("scale", command.scale(), CustomerProfile::scale, changed),
                pick("species", command.species(), CustomerProfile::species, changed),
                pick("crops", command.crops(), CustomerProfile::crops, changed),
                pick("productLines", command.productLines(), CustomerProfile::productLines, changed),
                pick("source", command.source(), CustomerProfile::source, changed));
        if (changed.isEmpty()) {
            return;
        }
        keys.requireUnclaimed(CustomerKeys.of(updated), customerId);
        apply(new CustomerProfileUpdatedEvent(customerId, updated, changed, actor.userId()));
    }

    private <T> T pick(String field, T requested, Function<CustomerProfile, T> current, List<String> changed) {
        T present = current.apply(profile);
        if (requested == null || requested.equals(present)) {
            return present;
        }
        changed.add(field);
        return requested;
    }

    @CommandHandler
    public void handle(ClaimCustomerCommand command, RepBook reps, Clock clock) {
        Actor actor = command.actor();
        if (actor.repId() == null) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only a rep can claim a customer from the pool");
        }
        if (owner() != null) {
            throw RejectedException.of(ErrorCode.CUSTOMER_ALREADY_OWNED,
                    "customer " + customerId + " is owned by rep " + owner() + " and not in the pool",
                    "currentOwnerRepId", owner());
        }
        reps.requireCanReceive(actor.repId());
        endRoleOfNewOwner(actor.repId(), actor, null);
        apply(new CustomerClaimedEvent(customerId, actor.repId(), now(clock), actor.userId()));
    }

    @CommandHandler
    public void handle(TransferCustomerCommand command, RepBook reps, Clock clock) {
        if (!command.actor().actsForCompany()) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only managers and admins transfer customers");
        }
        if (command.expectedOwnerRepId() != null && !command.expectedOwnerRepId().equals(owner())) {
            throw RejectedException.of(ErrorCode.OWNER_CHANGED,
                    "customer " + customerId + " is " + describeOwner() + ", not owned by " + command.expectedOwnerRepId(),
                    "currentOwnerRepId", owner());
        }
        if (command.toRepId().equals(owner())) {
            throw RejectedException.of(ErrorCode.ALREADY_OWNER,
                    "rep " + owner() + " already owns customer " + customerId, "currentOwnerRepId", owner());
        }
        Instant effectiveAt = ownership.effectiveTime(command.effectiveAt(), now(clock));
        reps.requireCanReceive(command.toRepId());
        endRoleOfNewOwner(command.toRepId(), command.actor(), command.batchId());
        apply(CustomerTransferredEvent.byPerson(customerId, owner(), command.toRepId(), command.reason(), effectiveAt,
                command.note(), command.actor().userId(), command.batchId()));
    }

    /**
     * The ledger keeps business times to the millisecond, as its read models and clients see them,
     * so a time read back from the API and sent again compares equal.
     */
    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @CommandHandler
    public void handle(RecordVisitCommand command, Clock clock) {
        Actor actor = command.actor();
        if (!actor.isRep(owner()) && !collaborators.canEdit(actor.repId())) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only the owner or an EDITOR collaborator records visits "
                    + "to customer " + customerId);
        }
        Instant visitedAt = command.visitedAt().truncatedTo(ChronoUnit.MILLIS);
        if (visitedAt.isAfter(now(clock))) {
            throw new RejectedException(ErrorCode.TIME_IN_FUTURE, "visitedAt " + visitedAt + " lies in the future");
        }
        Instant followUp = command.nextFollowUpAt() == null ? null : command.nextFollowUpAt().truncatedTo(ChronoUnit.MILLIS);
        if (followUp != null && !followUp.isAfter(visitedAt)) {
            throw new RejectedException(ErrorCode.INVALID_INPUT, "nextFollowUpAt must come after visitedAt");
        }
        VisitRecordedEvent visit = new VisitRecordedEvent(customerId, command.visitId(), actor.repId(), visitedAt,
                command.channel(), command.notes(), command.outcome(), followUp, command.location(), actor.userId(),
                command.intent(), command.sampleRequest());
        if (records.repeats(visit)) {
            return;
        }
        apply(visit);
    }

    @CommandHandler
    public String handle(RecordDealCommand command, Clock clock) {
        Actor actor = command.actor();
        if (!actor.actsForCompany() && !actor.isRep(owner())
                && !collaborators.canEdit(actor.repId())) {
            throw notYours(actor);
        }
        Instant closedAt = command.closedAt().truncatedTo(ChronoUnit.MILLIS);
        if (closedAt.isAfter(now(clock))) {
            throw new RejectedException(ErrorCode.TIME_IN_FUTURE, "closedAt " + closedAt + " lies in the future");
        }
        DealRecordedEvent deal = new DealRecordedEvent(customerId, command.dealId(), command.productLine(),
                command.amount(), command.margin(), closedAt, ownership.ownerAt(closedAt), actor.userId());
        if (records.repeats(deal)) {
            return deal.creditedRepId();
        }
        if (closedAt.isBefore(ownership.registeredAt())) {
            throw RejectedException.of(ErrorCode.DEAL_BEFORE_REGISTRATION, "closedAt " + closedAt
                    + " lies before the customer was registered at " + ownership.registeredAt()
                    + "; no rep can be credited with it (an import may register a customer with an earlier effectiveAt)",
                    "registeredAt", ownership.registeredAt().toString());
        }
        apply(deal);
        return deal.creditedRepId();
    }

    /**
     * Voids an ownership change as a mistake. The latest one gives the customer back to the owner
     * before it; an earlier one leaves today's owner alone and corrects only the history: from the
     * voided change's effective time until the next change, the owner before it counts.
     */
    @CommandHandler
    public void handle(ReverseOwnershipChangeCommand command, RepBook reps) {
        if (!command.actor().actsForCompany()) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only managers and admins reverse ownership changes");
        }
        Ownership.Reversible reversible = ownership.reversible(command.eventId(), customerId);
        Ownership.Step voided = reversible.voided();
        Ownership.Step before = reversible.before();
        if (reversible.after() != null) {
            apply(new PastOwnershipChangeReversedEvent(customerId, voided.eventId(), voided.owner(), before.owner(),
                    voided.effectiveAt(), reversible.after().effectiveAt(), command.reason(), command.actor().userId()));
        } else {
            if (before.owner() != null) {
                reps.requireCanReceive(before.owner());
            }
            endRoleOfNewOwner(before.owner(), command.actor(), null);
            apply(new CustomerOwnershipReversedEvent(customerId, voided.eventId(), voided.owner(), before.owner(),
                    before.effectiveAt(), command.reason(), command.actor().userId()));
        }
        recredit(voided.eventId(), command.actor());
    }

    /** Deals closed while the voided change stood go to whoever owned the customer then, as the ledger now knows it. */
    private void recredit(String reversedEventId, Actor actor) {
        // a copy: applying a move replaces the deal in the map
        for (Map.Entry<String, VisitsAndDeals.Deal> deal : records.deals()) {
            String ownerThen = ownership.ownerAt(deal.getValue().closedAt());
            if (!Objects.equals(deal.getValue().creditedRepId(), ownerThen)) {
                apply(new DealCreditMovedEvent(customerId, deal.getKey(), deal.getValue().creditedRepId(), ownerThen,
                        reversedEventId, actor.userId()));
            }
        }
    }

    /** What a rule-based reassignment did: moved the customer, sent it to the pool, or left it with its owner. */
    public enum Reassignment {
        MOVED,
        RELEASED,
        UNCHANGED
    }

    @CommandHandler
    public Reassignment handle(ReassignByRulesCommand command, AssignmentDesk assignment, Clock clock) {
        Actor actor = command.actor();
        if (!actor.actsForCompany()) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only managers and admins reassign customers");
        }
        if (!Objects.equals(command.expectedOwnerRepId(), owner())) {
            throw RejectedException.of(ErrorCode.OWNER_CHANGED, "customer " + customerId + " is " + describeOwner()
                    + ", not owned by " + command.expectedOwnerRepId(), "currentOwnerRepId", owner());
        }
        Instant effectiveAt = ownership.effectiveTime(command.effectiveAt(), now(clock));
        Decision decision = assignment.decide(profile);
        if (decision.isAssigned() && decision.repId().equals(owner())) {
            return Reassignment.UNCHANGED;
        }
        if (decision.isAssigned()) {
            endRoleOfNewOwner(decision.repId(), actor, command.batchId());
            apply(new CustomerTransferredEvent(customerId, owner(), decision.repId(), command.reason(), effectiveAt, null,
                    actor.userId(), command.batchId(), decision.ruleId(), decision.policyVersion()));
            return Reassignment.MOVED;
        }
        apply(new CustomerReleasedEvent(customerId, owner(), "no new owner: " + decision.unassignedReason(),
                effectiveAt, actor.userId(), command.batchId()));
        return Reassignment.RELEASED;
    }

    @CommandHandler
    public void handle(ReleaseCustomerCommand command, Clock clock) {
        Actor actor = command.actor();
        if (!actor.actsForCompany() && !actor.isRep(owner())) {
            throw notYours(actor);
        }
        if (owner() == null) {
            throw new RejectedException(ErrorCode.CUSTOMER_IN_POOL, "customer " + customerId + " is already in the pool");
        }
        apply(new CustomerReleasedEvent(customerId, owner(), command.reason(), now(clock), actor.userId(), null));
    }

    @CommandHandler
    public void handle(AddCollaboratorCommand command, RepBook reps) {
        Actor actor = command.actor();
        if (!actor.actsForCompany() && !actor.isRep(owner())) {
            throw notYours(actor);
        }
        if (command.repId().equals(owner())) {
            throw RejectedException.of(ErrorCode.OWNER_AS_COLLABORATOR,
                    "rep " + owner() + " owns customer " + customerId + " and cannot also collaborate on it",
                    "currentOwnerRepId", owner());
        }
        if (collaborators.roleOf(command.repId()) == command.role()) {
            return;
        }
        reps.requireActiveMember(command.repId());
        apply(new CollaboratorAddedEvent(customerId, command.repId(), command.role(), actor.userId()));
    }

    /** Returns whether a role was removed (false: the rep had none). */
    @CommandHandler
    public boolean handle(RemoveCollaboratorCommand command) {
        Actor actor = command.actor();
        if (!actor.actsForCompany() && !actor.isRep(owner())) {
            throw notYours(actor);
        }
        if (!collaborators.has(command.repId())) {
            return false;
        }
        apply(new CollaboratorRemovedEvent(customerId, command.repId(), actor.userId(), command.batchId()));
        return true;
    }

    /**
     * An owner is never also a collaborator: a rep who is about to become the owner loses their role
     * first, by its own event, so that no event in the stream leaves an owner who collaborates.
     */
    private void endRoleOfNewOwner(String newOwner, Actor actor, String batchId) {
        if (collaborators.has(newOwner)) {
            apply(new CollaboratorRemovedEvent(customerId, newOwner, actor.userId(), batchId));
        }
    }

    /** The pool process found the customer neglected: its owner is reminded, while it still owns it. */
    @CommandHandler
    public void handle(RemindOfPoolReleaseCommand command) {
        requireOwnedBy(command.ownerRepId());
        apply(new CustomerPoolReminderIssuedEvent(customerId, owner(), command.releaseAt(), command.policyVersion()));
    }

    /** The pool process found the customer neglected until the release time: it returns to the pool, effective then. */
    @CommandHandler
    public void handle(ReleaseNeglectedCustomerCommand command) {
        requireOwnedBy(command.ownerRepId());
        apply(new CustomerReleasedEvent(customerId, owner(), "POOL_RULE: no activity or deal until "
                + command.releaseAt() + " (pool policy v" + command.policyVersion() + ")", command.releaseAt(),
                SYSTEM_POOL_RULES, null));
    }

    private void requireOwnedBy(String repId) {
        if (repId == null || !repId.equals(owner())) {
            throw RejectedException.of(ErrorCode.OWNER_CHANGED, "customer " + customerId + " is " + describeOwner()
                    + ", not owned by " + repId, "currentOwnerRepId", owner());
        }
    }

    /** The user id the pool rules act as. */
    public static final String SYSTEM_POOL_RULES = "system:pool-rules";

    private String describeOwner() {
        return ownership.describeOwner();
    }

    private RejectedException notYours(Actor actor) {
        // a refusal does not tell someone who may not touch the customer who owns it
        return new RejectedException(ErrorCode.NOT_ALLOWED,
                "user " + actor.userId() + " may not change customer " + customerId);
    }

    @EventSourcingHandler
    void on(CustomerRegisteredEvent event) {
        id = new CustomerId(event.customerId()).toString();
        customerId = event.customerId();
        registration = event;
        profile = event.profile();
    }

    @EventSourcingHandler
    void on(CustomerProfileUpdatedEvent event) {
        profile = event.profile();
    }

    private String owner() {
        return ownership.owner();
    }
}
