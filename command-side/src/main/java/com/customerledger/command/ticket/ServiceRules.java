package com.customerledger.command.ticket;

import com.customerledger.command.CommandLookups;
import com.customerledger.events.ticket.ServicePolicySetEvent;
import com.customerledger.events.ticket.TicketSeverity;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The service policy in force, kept on the command side where a ticket takes its deadlines from it. */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
public class ServiceRules {

    /** The service policy in force. */
    public record Settings(int version, Map<TicketSeverity, Duration> firstResponse,
                           Map<TicketSeverity, Duration> resolution) {

        public Instant firstResponseDue(TicketSeverity severity, Instant from) {
            return from.plus(firstResponse.get(severity));
        }

        public Instant resolutionDue(TicketSeverity severity, Instant from) {
            return from.plus(resolution.get(severity));
        }
    }

    private final JdbcTemplate jdbc;

    public ServiceRules(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Settings> current() {
        Map<TicketSeverity, Duration> firstResponse = new EnumMap<>(TicketSeverity.class);
        Map<TicketSeverity, Duration> resolution = new EnumMap<>(TicketSeverity.class);
        int[] version = {0};
        jdbc.query("SELECT severity, version, first_response, resolution FROM service_policy", rs -> {
            TicketSeverity severity = TicketSeverity.valueOf(rs.getString(1));
            version[0] = rs.getInt(2);
            firstResponse.put(severity, Duration.parse(rs.getString(3)));
            resolution.put(severity, Duration.parse(rs.getString(4)));
        });
        return firstResponse.isEmpty() ? Optional.empty()
                : Optional.of(new Settings(version[0], Map.copyOf(firstResponse), Map.copyOf(resolution)));
    }

    @EventHandler
    void on(ServicePolicySetEvent event) {
        jdbc.update("DELETE FROM service_policy");
        for (TicketSeverity severity : TicketSeverity.values()) {
            jdbc.update("INSERT INTO service_policy (severity, version, first_response, resolution) VALUES (?, ?, ?, ?)",
                    severity.name(), event.version(), event.firstResponse().get(severity), event.resolution().get(severity));
        }
    }
}
