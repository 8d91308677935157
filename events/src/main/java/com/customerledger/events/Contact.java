package com.customerledger.events;

/**
 * A person at the customer the reps talk to. {@code birthday} is a month and day ({@code MM-DD}), in the Chinese
 * lunar calendar when {@code lunar} is true (many farmers keep theirs so); both were added later as optional
 * members, so a contact stored before them reads with no birthday, which is what it meant.
 */
public record Contact(String name, String title, String phone, String birthday, Boolean lunar) {

    /** A contact whose birthday is not known. */
    public Contact(String name, String title, String phone) {
        this(name, title, phone, null, null);
    }

    /** Whether {@link #birthday} counts in the lunar calendar. */
    public boolean lunarBirthday() {
        return Boolean.TRUE.equals(lunar);
    }
}
