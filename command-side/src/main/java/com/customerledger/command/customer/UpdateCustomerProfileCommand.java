package com.customerledger.command.customer;

import com.customerledger.command.Actor;
import com.customerledger.events.Contact;
import com.customerledger.events.CustomerType;
import com.customerledger.events.Region;
import com.customerledger.events.Scale;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Change some fields of a customer's profile; a null field is left as it is. A change that gives no
 * field a new value (a repeat of one already made) appends nothing.
 */
public record UpdateCustomerProfileCommand(
        @TargetAggregateIdentifier CustomerId customerId,
        String name,
        CustomerType type,
        Region region,
        String address,
        String creditCode,
        String phone,
        List<Contact> contacts,
        Scale scale,
        List<String> species,
        List<String> crops,
        List<String> productLines,
        String source,
        Actor actor) {
}
