package com.customerledger.command;

import com.customerledger.command.assignment.AssignmentDesk;
import com.customerledger.command.customer.CustomerKeyRegistry;
import com.customerledger.command.pool.PoolRules;
import com.customerledger.command.rep.RepBook;
import com.customerledger.events.CustomerType;
import com.customerledger.events.Region;
import com.customerledger.events.RepRegisteredEvent;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The command side's real lookup tables on a fresh in-memory SQLite database (one connection), for fixture tests. */
public final class LookupTables {

    public final JdbcTemplate jdbc;
    public final RepBook repBook;
    public final CustomerKeyRegistry keys;
    public final AssignmentDesk assignment;
    public final PoolRules pool;

    public LookupTables() {
        // an in-memory SQLite database lives as long as its connection: keep one open
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource("jdbc:sqlite::memory:", true);
        new ResourceDatabasePopulator(new ClassPathResource("db/command-lookups.sql")).execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        repBook = new RepBook(jdbc);
        keys = new CustomerKeyRegistry(jdbc, repBook);
        assignment = new AssignmentDesk(jdbc, repBook);
        pool = new PoolRules(jdbc);
    }

    /** Registers a rep in the book as its registration event would. */
    public LookupTables withRep(String repId, int capacity) {
        EventFeed.feed(repBook, new RepRegisteredEvent(repId, repId, List.of(), List.of(), List.of(CustomerType.FARM),
                capacity, null, "admin"));
        return this;
    }

    /** Registers a rep with a territory in the book. */
    public LookupTables withRep(String repId, int capacity, Region region) {
        EventFeed.feed(repBook, new RepRegisteredEvent(repId, repId, List.of(region), List.of(), List.of(), capacity,
                null, "admin"));
        return this;
    }

    /** Makes these tables the resources a Customer fixture's handlers take: keys, rep book, assignment desk, pool rules. */
    public void serve(org.axonframework.test.aggregate.FixtureConfiguration<?> fixture) {
        fixture.registerInjectableResource(keys);
        fixture.registerInjectableResource(repBook);
        fixture.registerInjectableResource(assignment);
        fixture.registerInjectableResource(pool);
    }
}
