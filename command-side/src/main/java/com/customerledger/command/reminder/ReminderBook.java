package com.customerledger.command.reminder;

import com.customerledger.command.CommandLookups;
import com.customerledger.events.Contact;
import com.customerledger.events.CustomerProfile;
import com.customerledger.events.CustomerProfileUpdatedEvent;
import com.customerledger.events.CustomerRegisteredEvent;
import com.customerledger.events.Region;
import com.customerledger.events.Scale;
import com.customerledger.events.order.NextPurchase;
import com.customerledger.events.order.OrderDeliveredEvent;
import com.customerledger.events.order.OrderSubmittedEvent;
import com.customerledger.events.pricing.ProductUnit;
import java.math.BigDecimal;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
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
 * What the reminder scan reads, kept with the events: the reminder policy in force, each customer's crops, species,
 * scale and contacts with a birthday, its delivered quantities, and its next planned follow-up.
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
public class ReminderBook {

    private static final String SEPARATOR = "|";
    private static final Instant LATEST = Instant.ofEpochMilli(Long.MAX_VALUE);
    private static final TypeReference<List<ReminderCampaign>> CAMPAIGNS = new TypeReference<>() {
    };
    private static final TypeReference<List<Birthday>> BIRTHDAYS = new TypeReference<>() {
    };

    /** The policy in force. */
    public record Policy(int version, Integer birthdayDaysBefore, Integer nextPurchaseDaysBefore,
                         List<ReminderCampaign> campaigns) {
    }

    /** A contact's birthday: the contact's place in the customer's list names it. */
    public record Birthday(int contact, String name, String birthday, boolean lunar) {
    }

    /** A customer as the reminders see it, with its owner now (null: in the pool). */
    public record Customer(String customerId, String name, String ownerRepId, Region region, List<String> crops,
                           List<String> species, List<Birthday> birthdays, Scale scale) {
    }

    /** A follow-up a visit planned. */
    public record FollowUp(String customerId, String ownerRepId, String visitId, Instant dueAt) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final EventStore eventStore;

    public ReminderBook(JdbcTemplate jdbc, ObjectMapper json, EventStore eventStore) {
        this.jdbc = jdbc;
        this.json = json;
        this.eventStore = eventStore;
    }

    public Optional<Policy> policy() {
        return jdbc.query("SELECT version, birthday_days_before, next_purchase_days_before, campaigns FROM reminder_policy "
                        + "WHERE id = 1", (rs, i) -> new Policy(rs.getInt(1), rs.getObject(2) == null ? null : rs.getInt(2),
                        rs.getObject(3) == null ? null : rs.getInt(3), read(rs.getString(4), CAMPAIGNS)))
                .stream().findFirst();
    }

    /** Hands every customer to {@code visit}, streamed from the store one row at a time. */
    public void forEachCustomer(Consumer<Customer> visit) {
        jdbc.query("SELECT r.customer_id, r.name, o.owner_rep_id, o.province, o.city, o.county, r.crops, r.species, "
                + "r.birthdays, r.scale_value, r.scale_unit FROM customer_reminder r "
                + "JOIN customer_owner o ON o.customer_id = r.customer_id ORDER BY r.customer_id", rs -> {
                    visit.accept(new Customer(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4) == null ? null : new Region(rs.getString(4), rs.getString(5), rs.getString(6)),
                            list(rs.getString(7)), list(rs.getString(8)), read(rs.getString(9), BIRTHDAYS),
                            rs.getString(11) == null ? null : new Scale(rs.getDouble(10), Scale.Unit.valueOf(rs.getString(11)))));
                });
    }

    /** What the customer's delivered orders brought, per order and unit. */
    public List<NextPurchase.Delivered> deliveries(String customerId) {
        return jdbc.query("SELECT delivered_at, unit, quantity FROM customer_delivery WHERE customer_id = ?",
                (rs, i) -> new NextPurchase.Delivered(Instant.ofEpochMilli(rs.getLong(1)), ProductUnit.valueOf(rs.getString(2)),
                        new BigDecimal(rs.getString(3))), customerId);
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
        jdbc.update("INSERT INTO reminder_policy (id, version, birthday_days_before, next_purchase_days_before, campaigns) "
                        + "VALUES (1, ?, ?, ?, ?)", event.version(), event.birthdayDaysBefore(), event.nextPurchaseDaysBefore(),
                write(event.campaigns()));
    }

    @EventHandler
    void on(CustomerRegisteredEvent event) {
        Scale scale = event.profile().scale();
        jdbc.update("INSERT INTO customer_reminder (customer_id, name, crops, species, birthdays, scale_value, scale_unit) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", event.customerId(), event.profile().name(), join(event.profile().crops()),
                join(event.profile().species()), write(birthdays(event.profile())), scale == null ? null : scale.value(),
                scale == null ? null : scale.unit().name());
    }

    @EventHandler
    void on(CustomerProfileUpdatedEvent event) {
        Scale scale = event.profile().scale();
        jdbc.update("UPDATE customer_reminder SET name = ?, crops = ?, species = ?, birthdays = ?, scale_value = ?, "
                        + "scale_unit = ? WHERE customer_id = ?", event.profile().name(), join(event.profile().crops()),
                join(event.profile().species()), write(birthdays(event.profile())), scale == null ? null : scale.value(),
                scale == null ? null : scale.unit().name(), event.customerId());
    }

    /** A delivered order's quantities, per unit, from its submission's lines. */
    @EventHandler
    void on(OrderDeliveredEvent event) {
        OrderSubmittedEvent submitted = eventStore.readEvents("order:" + event.orderId()).asStream()
                .map(message -> message.getPayload()).filter(OrderSubmittedEvent.class::isInstance)
                .map(OrderSubmittedEvent.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("order " + event.orderId() + " has no submission"));
        Map<ProductUnit, BigDecimal> byUnit = new java.util.EnumMap<>(ProductUnit.class);
        submitted.lines().forEach(line -> byUnit.merge(line.unit(), line.quantity(), BigDecimal::add));
        byUnit.forEach((unit, quantity) -> jdbc.update("INSERT INTO customer_delivery (order_id, unit, customer_id, "
                        + "delivered_at, quantity) VALUES (?, ?, ?, ?, ?)", event.orderId(), unit.name(), event.customerId(),
                event.deliveredAt().toEpochMilli(), quantity.toPlainString()));
    }

    /**
     * The latest visit that plans a follow-up sets it; a visit on or after the planned day is the follow-up. A day no
     * store can hold in milliseconds (the API refuses one; an old event may carry it) is never due.
     */
    @EventHandler
    void on(VisitRecordedEvent event) {
        if (event.nextFollowUpAt() != null && event.nextFollowUpAt().isAfter(LATEST)) {
            jdbc.update("DELETE FROM customer_follow_up WHERE customer_id = ?", event.customerId());
        } else if (event.nextFollowUpAt() != null) {
            if (jdbc.update("UPDATE customer_follow_up SET visit_id = ?, due_at = ? WHERE customer_id = ?", event.visitId(),
                    event.nextFollowUpAt().toEpochMilli(), event.customerId()) == 0) {
                jdbc.update("INSERT INTO customer_follow_up (customer_id, visit_id, due_at) VALUES (?, ?, ?)",
                        event.customerId(), event.visitId(), event.nextFollowUpAt().toEpochMilli());
            }
        } else {
            jdbc.update("DELETE FROM customer_follow_up WHERE customer_id = ? AND due_at <= ?", event.customerId(),
                    event.visitedAt().isAfter(LATEST) ? Long.MAX_VALUE : event.visitedAt().toEpochMilli());
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
