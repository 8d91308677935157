package com.customerledger.command.customer;

import com.customerledger.command.CommandLookups;
import com.customerledger.command.ErrorCode;
import com.customerledger.command.RejectedException;
import com.customerledger.command.rep.RepBook;
import com.customerledger.events.CustomerProfileUpdatedEvent;
import com.customerledger.events.CustomerRegisteredEvent;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The unique-keyed lookup that prevents 撞单: one row per identity key, its primary key the key
 * itself. Command handlers ask it first for a clear refusal; the insert, made in the same
 * transaction as the registration event, is what makes two racing registrations impossible.
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
public class CustomerKeyRegistry {

    private final JdbcTemplate jdbc;
    private final RepBook repBook;

    public CustomerKeyRegistry(JdbcTemplate jdbc, RepBook repBook) {
        this.jdbc = jdbc;
        this.repBook = repBook;
    }

    /** Refuses if any of {@code keys} belongs to a customer other than {@code customerId}. */
    public void requireUnclaimed(Collection<String> keys, String customerId) {
        for (String key : keys) {
            holderOf(key).filter(holder -> !holder.equals(customerId)).ifPresent(holder -> {
                throw duplicate(key, holder);
            });
        }
    }

    private Optional<String> holderOf(String key) {
        List<String> rows = jdbc.query("SELECT customer_id FROM customer_key WHERE identity_key = ?",
                (rs, i) -> rs.getString(1), key);
        return rows.stream().findFirst();
    }

    private RejectedException duplicate(String key, String holder) {
        String what = key.substring(0, key.indexOf(':'));
        String reason = switch (what) {
            case "credit" -> "the same unified social credit code";
            case "phone" -> "the same phone number";
            default -> "the same name in the same county";
        };
        String owner = repBook.ownerOf(holder).orElse(null);
        return RejectedException.of(ErrorCode.DUPLICATE_CUSTOMER,
                "customer " + holder + " already has " + reason
                        + (owner == null ? " and is in the public pool" : " and is owned by rep " + owner),
                "existingCustomerId", holder, "currentOwnerRepId", owner, "matchedOn", what);
    }

    @EventHandler
    void on(CustomerRegisteredEvent event) {
        insert(event.customerId(), CustomerKeys.of(event.profile()));
    }

    @EventHandler
    void on(CustomerProfileUpdatedEvent event) {
        Set<String> keys = CustomerKeys.of(event.profile());
        List<String> held = jdbc.query("SELECT identity_key FROM customer_key WHERE customer_id = ?",
                (rs, i) -> rs.getString(1), event.customerId());
        held.stream().filter(key -> !keys.contains(key))
                .forEach(key -> jdbc.update("DELETE FROM customer_key WHERE identity_key = ?", key));
        insert(event.customerId(), keys.stream().filter(key -> !held.contains(key)).toList());
    }

    private void insert(String customerId, Collection<String> keys) {
        for (String key : keys) {
            try {
                jdbc.update("INSERT INTO customer_key (identity_key, customer_id) VALUES (?, ?)", key, customerId);
            } catch (DuplicateKeyException raced) {
                if (raced.getCause() instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                    // PostgreSQL: the failed insert aborted the transaction, nothing more can be read in it. The
                    // command is handled again from the start, and its check then finds the committed key
                    throw raced;
                }
                // a concurrent registration committed the same key first: this one is refused as a whole
                throw duplicate(key, holderOf(key).orElse("unknown"));
            }
        }
    }
}
