package com.customerledger.command.pool;

import com.customerledger.command.CommandLookups;
import com.customerledger.events.PoolPolicySetEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The pool policy in force, kept on the command side where {@link PoolProcess} schedules by it. */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
public class PoolRules {

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

    @EventHandler
    void on(PoolPolicySetEvent event) {
        jdbc.update("DELETE FROM pool_policy");
        jdbc.update("INSERT INTO pool_policy (version, days_without_visit, days_without_deal, reminder_days_before) "
                        + "VALUES (?, ?, ?, ?)", event.version(), event.daysWithoutVisit(), event.daysWithoutDeal(),
                event.reminderDaysBefore());
    }
}
