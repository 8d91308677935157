package com.customerledger.command.grading;

import com.customerledger.command.Actor;
import com.customerledger.command.customer.CustomerId;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Regrades every customer, one command each (so each change is its own event with its inputs), all
 * on the same "as of" instant, and counts what happened.
 */
@Component
public class GradingRecompute {

    /** The outcome of a recompute: the instant graded as of, and how many customers each outcome had. */
    public record Result(Instant asOf, int customers, Map<Regrading, Integer> outcomes) {
    }

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final Clock clock;

    public GradingRecompute(JdbcTemplate jdbc, CommandGateway commands, Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.clock = clock;
    }

    public Result run(Actor actor, boolean includeManual, String traceId) {
        Instant asOf = clock.instant();
        List<String> customers = jdbc.query("SELECT customer_id FROM customer_owner ORDER BY customer_id",
                (rs, i) -> rs.getString(1));
        Map<Regrading, Integer> outcomes = new EnumMap<>(Regrading.class);
        for (String customerId : customers) {
            Regrading outcome = commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                            new RegradeCustomerCommand(new CustomerId(customerId), asOf, includeManual, actor))
                    .andMetaData(Map.of("userId", actor.userId(), "traceId", traceId)));
            outcomes.merge(outcome, 1, Integer::sum);
        }
        return new Result(asOf, customers.size(), outcomes);
    }
}
