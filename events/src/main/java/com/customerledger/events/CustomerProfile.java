package com.customerledger.events;

import java.util.List;

/**
 * What the ledger knows about a customer apart from its ownership: identity, location, contact
 * points and what it grows, raises or buys. Lists are never null.
 */
public record CustomerProfile(
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
        String source) {

    public CustomerProfile {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        species = species == null ? List.of() : List.copyOf(species);
        crops = crops == null ? List.of() : List.copyOf(crops);
        productLines = productLines == null ? List.of() : List.copyOf(productLines);
    }
}
