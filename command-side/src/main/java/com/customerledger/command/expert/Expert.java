package com.customerledger.command.expert;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.customerledger.command.ErrorCode;
import com.customerledger.command.RejectedException;
import com.customerledger.command.Role;
import com.customerledger.events.expert.ExpertRegisteredEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A service expert, registered once by an admin; its load is counted by the {@link ExpertDesk}. */
@Aggregate
public class Expert {

    private static final String PREFIX = "expert:";

    @AggregateIdentifier
    private String id;
    private ExpertRegisteredEvent registered;

    protected Expert() {
        // for Axon
    }

    static String aggregateId(String expertId) {
        return PREFIX + expertId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterExpertCommand command) {
        if (!command.actor().roles().contains(Role.ADMIN)) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only admins register experts");
        }
        if (command.capacity() < 1) {
            throw new RejectedException(ErrorCode.INVALID_INPUT, "an expert's capacity is at least one open ticket");
        }
        ExpertRegisteredEvent event = new ExpertRegisteredEvent(command.expertId(), command.name(), command.regions(),
                command.crops(), command.species(), command.kinds(), command.capacity(), command.actor().userId());
        if (registered != null) {
            if (sameExpert(registered, event)) {
                return;
            }
            throw RejectedException.of(ErrorCode.ID_ALREADY_USED, "expert " + command.expertId()
                    + " is registered already with other data", "existingExpertId", command.expertId());
        }
        apply(event);
    }

    private static boolean sameExpert(ExpertRegisteredEvent first, ExpertRegisteredEvent again) {
        return first.name().equals(again.name()) && first.regions().equals(again.regions())
                && first.crops().equals(again.crops()) && first.species().equals(again.species())
                && first.kinds().equals(again.kinds()) && first.capacity() == again.capacity();
    }

    @EventSourcingHandler
    void on(ExpertRegisteredEvent event) {
        id = aggregateId(event.expertId());
        registered = event;
    }
}
