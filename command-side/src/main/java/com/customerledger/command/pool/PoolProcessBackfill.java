package com.customerledger.command.pool;

import com.customerledger.command.customer.CustomerId;
import java.util.List;
import java.util.Set;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives every customer of a ledger written before the pool rule ran as a process its
 * {@link PoolProcess}, rebuilt from its events, once, at start-up before the HTTP server takes
 * requests or a deadline fires. The pool deadlines such a ledger holds were set in the Customer aggregate's scope, which
 * no longer handles them: they fire and do nothing, and the rebuilt process sets their successors.
 */
@Component
public class PoolProcessBackfill implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(PoolProcessBackfill.class);

    private final JdbcTemplate jdbc;
    private final EventStore events;
    private final SagaStore<Object> sagas;
    private final DeadlineManager deadlines;
    private final PoolRules pool;
    private final TransactionManager transactions;

    public PoolProcessBackfill(JdbcTemplate jdbc, EventStore events, SagaStore<Object> sagas, DeadlineManager deadlines,
                               PoolRules pool, TransactionManager transactions) {
        this.jdbc = jdbc;
        this.events = events;
        this.sagas = sagas;
        this.deadlines = deadlines;
        this.pool = pool;
        this.transactions = transactions;
    }

    /** The customers without a pool process; after a backfill, none. */
    public List<String> customersWithoutProcess() {
        return jdbc.queryForList("SELECT customer_id FROM customer_owner WHERE customer_id NOT IN (SELECT associationValue "
                        + "FROM AssociationValueEntry WHERE sagaType = ? AND associationKey = 'customerId') ORDER BY customer_id",
                String.class, PoolProcess.class.getName());
    }

    /** Rebuilds and stores the missing processes; returns how many. */
    public int backfill() {
        List<String> missing = customersWithoutProcess();
        for (String customerId : missing) {
            transactions.executeInTransaction(() -> {
                String sagaId = IdentifierFactory.getInstance().generateIdentifier();
                PoolProcess process = PoolProcess.resumedFrom(customerId,
                        events.readEvents(new CustomerId(customerId).toString(), 0).asStream().toList(), sagaId, pool,
                        deadlines);
                sagas.insertSaga(PoolProcess.class, sagaId, process, Set.of(new AssociationValue("customerId", customerId)));
            });
        }
        if (!missing.isEmpty()) {
            log.info("gave {} customers registered before the pool process their pool process", missing.size());
        }
        return missing.size();
    }

    /** Once every bean exists, before anything starts: the HTTP server, the event processors, the deadline scheduler. */
    @Override
    public void afterSingletonsInstantiated() {
        backfill();
    }
}
