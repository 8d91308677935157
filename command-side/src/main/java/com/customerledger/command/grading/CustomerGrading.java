package com.customerledger.command.grading;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.customerledger.command.ErrorCode;
import com.customerledger.command.RejectedException;
import com.customerledger.command.Role;
import com.customerledger.events.CustomerGradeChangedEvent;
import com.customerledger.events.CustomerRegisteredEvent;
import com.customerledger.events.DealRecordedEvent;
import com.customerledger.events.Grade;
import com.customerledger.events.GradeInputs;
import com.customerledger.events.GradingPolicySetEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * A customer's grade, decided on its own: a member of the Customer aggregate (the grade changes stay
 * in the customer's stream) that is fed its deals and decides regrading and grades set by hand. It
 * keeps of each deal only what grading counts: when it closed, its amount and margin.
 */
public class CustomerGrading {

    private String customerId;
    private Grade grade;
    private boolean setByHand;
    private final List<GradedDeal> deals = new ArrayList<>();

    /** What grading counts of a deal. */
    record GradedDeal(Instant closedAt, BigDecimal amount, BigDecimal margin) {
    }

    @CommandHandler
    public Regrading handle(RegradeCustomerCommand command, GradingRules grading) {
        if (!command.actor().roles().contains(Role.ADMIN)) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only admins regrade customers");
        }
        Optional<GradingPolicySetEvent> policy = grading.current();
        if (policy.isEmpty()) {
            return Regrading.NO_POLICY;
        }
        if (setByHand && !command.includeManual()) {
            return Regrading.MANUAL_KEPT;
        }
        GradeInputs inputs = inputs(command.asOf());
        Grade decided = policy.get().grade(inputs);
        if (decided == grade) {
            return Regrading.UNCHANGED;
        }
        apply(new CustomerGradeChangedEvent(customerId, grade, decided, inputs, policy.get().version(), false,
                "grading policy v" + policy.get().version(), command.actor().userId()));
        return Regrading.CHANGED;
    }

    /** Setting by hand the grade already set by hand is a repeat: it appends nothing. */
    @CommandHandler
    public void handle(OverrideGradeCommand command, Clock clock) {
        if (!command.actor().actsForCompany()) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only managers and admins set grades by hand");
        }
        if (command.grade() == grade && setByHand) {
            return;
        }
        apply(new CustomerGradeChangedEvent(customerId, grade, command.grade(),
                inputs(clock.instant().truncatedTo(ChronoUnit.MILLIS)), null, true, command.reason(),
                command.actor().userId()));
    }

    /** The deals closed in the twelve months up to {@code asOf}: volume, margin and the distinct months with a deal. */
    private GradeInputs inputs(Instant asOf) {
        Instant from = asOf.atZone(ZoneOffset.UTC).minusMonths(12).toInstant();
        List<GradedDeal> counted = deals.stream()
                .filter(deal -> deal.closedAt().isAfter(from) && !deal.closedAt().isAfter(asOf)).toList();
        long months = counted.stream().map(deal -> YearMonth.from(deal.closedAt().atZone(ZoneOffset.UTC))).distinct().count();
        return new GradeInputs(asOf, counted.stream().map(GradedDeal::amount).reduce(BigDecimal.ZERO, BigDecimal::add),
                counted.stream().map(GradedDeal::margin).reduce(BigDecimal.ZERO, BigDecimal::add), (int) months,
                counted.size());
    }

    @EventSourcingHandler
    void on(CustomerRegisteredEvent event) {
        customerId = event.customerId();
    }

    @EventSourcingHandler
    void on(DealRecordedEvent event) {
        deals.add(new GradedDeal(event.closedAt(), event.amount(), event.margin()));
    }

    @EventSourcingHandler
    void on(CustomerGradeChangedEvent event) {
        grade = event.to();
        setByHand = event.manual();
    }
}
