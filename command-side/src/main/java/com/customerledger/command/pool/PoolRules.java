package com.customerledger.command.pool;

import com.customerledger.command.CommandLookups;
import com.customerledger.events.PoolPolicySetEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The pool policy in force, kept on the command side, and the scheduling of each owned customer's
 * reminder and release as persisted Axon deadlines. Any activity recorded on a customer (a visit, a
 * deal, a new owner, a profile or collaborator change) restarts the "without a visit" clock, from the
 * time it is recorded; "without a deal" counts from the last deal's closing, or from when the current
 * owner got the customer if that is later.
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
public class PoolRules {

    public static final String REMINDER = "pool-reminder";
    public static final String RELEASE = "pool-release";

    /** The pool policy in force. */
    public record Settings(int version, int daysWithoutVisit, int daysWithoutDeal, int reminderDaysBefore) {

        /**
         * When a customer last active at {@code activityAt}, without a deal since {@code dealClockFrom}
         * (its last deal, or when its owner got it), is due back in the pool.
         */
        public Instant releaseAt(Instant activityAt, Instant dealClockFrom) {
            Instant noVisit = activityAt.plus(Duration.ofDays(daysWithoutVisit));
            Instant noDeal = dealClockFrom.plus(Duration.ofDays(daysWithoutDeal));
            return noVisit.isBefore(noDeal) ? noVisit : noDeal;
        }
    }

    private final JdbcTemplate jdbc;

    public PoolRules(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Settings> current() {
        List<Settings> rows = jdbc.query("SELECT version, days_without_visit, days_without_deal, reminder_days_before "
                + "FROM pool_policy", (rs, i) -> new Settings(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)));
        return rows.stream().findFirst();
    }

    /**
     * Replaces the customer's pending pool deadlines with ones for its current owner and activity;
     * a customer without an owner, or a ledger without a pool policy, gets none. The old ones are
     * cancelled by id (Axon's cancel-within-scope reads every scheduled deadline of the ledger);
     * one that fires anyway finds its activity count stale and does nothing.
     */
    public void reschedule(DeadlineManager deadlines, String customerId, String ownerRepId, long activity,
                           Instant activityAt, Instant dealClockFrom) {
        jdbc.query("SELECT reminder_id, release_id FROM pool_deadline WHERE customer_id = ?", rs -> {
            if (rs.getString(1) != null) {
                deadlines.cancelSchedule(REMINDER, rs.getString(1));
            }
            if (rs.getString(2) != null) {
                deadlines.cancelSchedule(RELEASE, rs.getString(2));
            }
        }, customerId);
        jdbc.update("DELETE FROM pool_deadline WHERE customer_id = ?", customerId);
        if (ownerRepId == null) {
            return;
        }
        current().ifPresent(settings -> schedule(deadlines, customerId, settings,
                new PoolDeadline(ownerRepId, activity, activityAt, dealClockFrom, settings.releaseAt(activityAt, dealClockFrom),
                        settings.version())));
    }

    private void schedule(DeadlineManager deadlines, String customerId, Settings settings, PoolDeadline deadline) {
        String reminder = settings.reminderDaysBefore() == 0 ? null : deadlines.schedule(
                deadline.releaseAt().minus(Duration.ofDays(settings.reminderDaysBefore())), REMINDER, deadline);
        String release = deadlines.schedule(deadline.releaseAt(), RELEASE, deadline);
        jdbc.update("DELETE FROM pool_deadline WHERE customer_id = ?", customerId);
        jdbc.update("INSERT INTO pool_deadline (customer_id, reminder_id, release_id) VALUES (?, ?, ?)", customerId,
                reminder, release);
    }

    /** A release deadline fired: the settings now in force may have moved the due time later. */
    public Optional<PoolDeadline> laterDue(DeadlineManager deadlines, String customerId, PoolDeadline fired) {
        Optional<Settings> settings = current();
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        Instant due = settings.get().releaseAt(fired.activityAt(), fired.dealClockFrom());
        if (!due.isAfter(fired.releaseAt())) {
            return Optional.empty();
        }
        PoolDeadline later = new PoolDeadline(fired.ownerRepId(), fired.activity(), fired.activityAt(), fired.dealClockFrom(),
                due, settings.get().version());
        schedule(deadlines, customerId, settings.get(), later);
        return Optional.of(later);
    }

    @EventHandler
    void on(PoolPolicySetEvent event) {
        jdbc.update("DELETE FROM pool_policy");
        jdbc.update("INSERT INTO pool_policy (version, days_without_visit, days_without_deal, reminder_days_before) "
                        + "VALUES (?, ?, ?, ?)", event.version(), event.daysWithoutVisit(), event.daysWithoutDeal(),
                event.reminderDaysBefore());
    }
}
