package com.customerledger.command.reminder;

import com.customerledger.command.CommandLookups;
import com.customerledger.events.Contact;
import com.customerledger.events.CustomerProfile;
import com.customerledger.events.CustomerProfileUpdatedEvent;
import com.customerledger.events.CustomerRegisteredEvent;
import com.customerledger.events.Region;
import com.customerledger.events.VisitRecordedEvent;
import com.customerledger.events.reminder.ReminderCampaign;
import com.customerledger.events.reminder.ReminderPolicySetEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the reminder scan reads, kept with the events: the reminder policy in force, each customer's crops, species
 * and contacts with a birthday, and each customer's next planned follow-up.
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
public class ReminderBook {

    private static final String SEPARATOR = "|";
    private static final TypeReference<List<ReminderCampaign>> CAMPAIGNS = new TypeReference<>() {
    };
    private static final TypeReference<List<Birthday>> BIRTHDAYS = new TypeReference<>() {
    };

    /** The policy in force. */
    public record Policy(int version, Integer birthdayDaysBefore, List<ReminderCampaign> campaigns) {
    }

    /** A contact's birthday: the contact's place in the customer's list names it. */
    public record Birthday(int contact, String name, String birthday, boolean lunar) {
    }

    /** A customer as the reminders see it, with its owner now (null: in the pool). */
    public record Customer(String customerId, String name, String ownerRepId, Region region, List<String> crops,
                           List<String> species, List<Birthday> birthdays) {
    }

    /** A follow-up a visit planned. */
    public record FollowUp(String customerId, String ownerRepId, String visitId, Instant dueAt) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public ReminderBook(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Policy> policy() {
        return jdbc.query("SELECT version, birthday_days_before, campaigns FROM reminder_policy WHERE id = 1",
                (rs, i) -> new Policy(rs.getInt(1), (Integer) rs.getObject(2) == null ? null : rs.getInt(2),
                        read(rs.getString(3), CAMPAIGNS))).stream().findFirst();
    }

    /** Hands every customer to {@code visit}, streamed from the store one row at a time. */
    public void forEachCustomer(Consumer<Customer> visit) {
        jdbc.query("SELECT r.customer_id, r.name, o.owner_rep_id, o.province, o.city, o.county, r.crops, r.species, "
                + "r.birthdays FROM customer_reminder r JOIN customer_owner o ON o.customer_id = r.customer_id "
                + "ORDER BY r.customer_id", rs -> {
                    visit.accept(new Customer(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4) == null ? null : new Region(rs.getString(4), rs.getString(5), rs.getString(6)),
                            list(rs.getString(7)), list(rs.getString(8)), read(rs.getString(9), BIRTHDAYS)));
                });
    }

    /** The follow-ups due by {@code now} of customers that have an owner. */
    public List<FollowUp> followUpsDue(Instant now) {
        return jdbc.query("SELECT f.customer_id, o.owner_rep_id, f.visit_id, f.due_at FROM customer_follow_up f "
                        + "JOIN customer_owner o ON o.customer_id = f.customer_id WHERE f.due_at <= ? "
                        + "AND o.owner_rep_id IS NOT NULL ORDER BY f.due_at",
                (rs, i) -> new FollowUp(rs.getString(1), rs.getString(2), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4))), now.toEpochMilli());
    }

    @EventHandler
    void on(ReminderPolicySetEvent event) {
        jdbc.update("DELETE FROM reminder_policy");
        jdbc.update("INSERT INTO reminder_policy (id, version, birthday_days_before, campaigns) VALUES (1, ?, ?, ?)",
                event.version(), event.birthdayDaysBefore(), write(event.campaigns()));
    }

    @EventHandler
    void on(CustomerRegisteredEvent event) {
        jdbc.update("INSERT INTO customer_reminder (customer_id, name, crops, species, birthdays) VALUES (?, ?, ?, ?, ?)",
                event.customerId(), event.profile().name(), join(event.profile().crops()), join(event.profile().species()),
                write(birthdays(event.profile())));
    }

    @EventHandler
    void on(CustomerProfileUpdatedEvent event) {
        jdbc.update("UPDATE customer_reminder SET name = ?, crops = ?, species = ?, birthdays = ? WHERE customer_id = ?",
                event.profile().name(), join(event.profile().crops()), join(event.profile().species()),
                write(birthdays(event.profile())), event.customerId());
    }

    /** The latest visit that plans a follow-up sets it; a visit on or after the planned day is the follow-up. */
    @EventHandler
    void on(VisitRecordedEvent event) {
        if (event.nextFollowUpAt() != null) {
            if (jdbc.update("UPDATE customer_follow_up SET visit_id = ?, due_at = ? WHERE customer_id = ?", event.visitId(),
                    event.nextFollowUpAt().toEpochMilli(), event.customerId()) == 0) {
                jdbc.update("INSERT INTO customer_follow_up (customer_id, visit_id, due_at) VALUES (?, ?, ?)",
                        event.customerId(), event.visitId(), event.nextFollowUpAt().toEpochMilli());
            }
        } else {
            jdbc.update("DELETE FROM customer_follow_up WHERE customer_id = ? AND due_at <= ?", event.customerId(),
                    event.visitedAt().toEpochMilli());
        }
    }

    private static List<Birthday> birthdays(CustomerProfile profile) {
        List<Contact> contacts = profile.contacts();
        return java.util.stream.IntStream.range(0, contacts.size())
                .filter(i -> contacts.get(i).birthday() != null)
                .mapToObj(i -> new Birthday(i, contacts.get(i).name(), contacts.get(i).birthday(),
                        contacts.get(i).lunarBirthday()))
                .toList();
    }

    private static String join(List<String> values) {
        return values == null ? "" : String.join(SEPARATOR, values);
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\\" + SEPARATOR));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException unexpected) {
            throw new IllegalStateException("unreadable reminder lookup " + text, unexpected);
        }
    }
}
