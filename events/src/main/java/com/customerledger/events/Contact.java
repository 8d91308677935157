package com.customerledger.events;

/** A person at the customer the reps talk to. */
public record Contact(String name, String title, String phone) {
}
