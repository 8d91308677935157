package com.customerledger.api.web;

import com.customerledger.api.security.CurrentActor;
import com.customerledger.command.Actor;
import com.customerledger.command.Role;
import com.customerledger.query.customer.CustomerView;
import com.customerledger.query.customer.FindCustomerQuery;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.stereotype.Component;

/**
 * Who may read a customer and what hangs off it (visits, deals, opportunities, ownership): managers,
 * admins, auditors and finance any (the paths finance may read at all are set by the security
 * configuration); a rep one they own, collaborate on, or that is in the pool; a dealer only itself.
 */
@Component
public class CustomerAccess {

    private final Reads reads;
    private final CurrentActor currentActor;

    CustomerAccess(Reads reads, CurrentActor currentActor) {
        this.reads = reads;
        this.currentActor = currentActor;
    }

    /** The customer's 360 view if the caller may read it; 404 for an unknown customer, 403 for one not theirs. */
    public CustomerView visibleCustomer(String customerId, Long minPosition) {
        CustomerView customer = reads.query(new FindCustomerQuery(customerId),
                        ResponseTypes.optionalInstanceOf(CustomerView.class), minPosition)
                .orElseThrow(() -> new NotFoundException("customer", customerId));
        Actor actor = currentActor.get();
        if (actor.roles().contains(Role.DEALER)) {
            if (!actor.isDealerOf(customerId)) {
                throw new ForbiddenException("a dealer reads only its own account");
            }
        } else if (!seesEverything(actor) && (actor.repId() == null || !customer.visibleToRep(actor.repId()))) {
            throw new ForbiddenException("customer " + customerId + " is neither yours, shared with you, nor in the pool");
        }
        return customer;
    }

    /**
     * The rep a report of reps' figures is narrowed to: {@code repId} as asked (null: all) for a caller who sees
     * everything; a rep's own id for a rep, who may name no other (403 {@code refusal}); 403 for anyone else.
     */
    String repScope(String repId) {
        Actor actor = currentActor.get();
        String rep = Requests.text(repId);
        if (seesEverything(actor)) {
            return rep;
        }
        if (actor.repId() == null || (rep != null && !actor.isRep(rep))) {
            throw new ForbiddenException("a rep reads only their own figures");
        }
        return actor.repId();
    }

    public static boolean seesEverything(Actor actor) {
        return actor.actsForCompany() || actor.roles().contains(Role.AUDITOR) || actor.roles().contains(Role.FINANCE);
    }
}
