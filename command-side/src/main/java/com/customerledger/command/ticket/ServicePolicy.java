package com.customerledger.command.ticket;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.customerledger.command.ErrorCode;
import com.customerledger.command.RejectedException;
import com.customerledger.command.Role;
import com.customerledger.events.ticket.ServicePolicySetEvent;
import com.customerledger.events.ticket.TicketSeverity;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** The versioned service policy: first-response and resolution deadlines per severity. */
@Aggregate
public class ServicePolicy {

    @AggregateIdentifier
    private String policyId;
    private int version;

    protected ServicePolicy() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(SetServicePolicyCommand command) {
        if (!command.actor().roles().contains(Role.ADMIN)) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only admins set the service policy");
        }
        for (TicketSeverity severity : TicketSeverity.values()) {
            Duration firstResponse = duration(command.firstResponse(), "firstResponse", severity);
            Duration resolution = duration(command.resolution(), "resolution", severity);
            if (firstResponse.compareTo(resolution) > 0) {
                throw new RejectedException(ErrorCode.INVALID_POLICY, "the first response of a " + severity
                        + " ticket cannot be due after its resolution (" + firstResponse + " > " + resolution + ")");
            }
        }
        apply(new ServicePolicySetEvent(version + 1, command.firstResponse(), command.resolution(),
                command.actor().userId()));
        return version;
    }

    /** The duration for {@code severity}; a missing, malformed, zero or negative one is refused. */
    static Duration duration(Map<TicketSeverity, String> durations, String name, TicketSeverity severity) {
        String text = durations.get(severity);
        if (text == null) {
            throw new RejectedException(ErrorCode.INVALID_POLICY, name + " needs a duration for every severity; "
                    + severity + " has none");
        }
        Duration duration;
        try {
            duration = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new RejectedException(ErrorCode.INVALID_POLICY, name + "." + severity + " '" + text
                    + "' is not an ISO-8601 duration such as PT4H, P2D or PT30S");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new RejectedException(ErrorCode.INVALID_POLICY, name + "." + severity + " must be longer than zero");
        }
        return duration;
    }

    @EventSourcingHandler
    void on(ServicePolicySetEvent event) {
        policyId = SetServicePolicyCommand.POLICY_ID;
        version = event.version();
    }
}
