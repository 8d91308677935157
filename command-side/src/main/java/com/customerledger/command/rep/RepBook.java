package com.customerledger.command.rep;

import com.customerledger.command.Actor;
import com.customerledger.command.CommandLookups;
import com.customerledger.command.ErrorCode;
import com.customerledger.command.RejectedException;
import com.customerledger.events.CollaboratorAddedEvent;
import com.customerledger.events.CollaboratorRemovedEvent;
import com.customerledger.events.CustomerProfile;
import com.customerledger.events.CustomerGradeChangedEvent;
import com.customerledger.events.CustomerProfileUpdatedEvent;
import com.customerledger.events.Grade;
import com.customerledger.events.CustomerRegisteredEvent;
import com.customerledger.events.OwnershipChange;
import com.customerledger.events.RepDepartedEvent;
import com.customerledger.events.RepRegisteredEvent;
import com.customerledger.events.RepStatus;
import com.customerledger.events.RepStatusChangedEvent;
import com.customerledger.events.RepTerritoryChangedEvent;
import com.customerledger.command.assignment.Candidate;
import com.customerledger.events.CustomerType;
import com.customerledger.events.Region;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The command side's book of reps: status, capacity, how many customers each owns, and who owns
 * each customer. Kept in the event store's own database, in the same transaction as the events,
 * so a rep can never be pushed past capacity or handed a customer after departing, even by two
 * commands racing on different customers.
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
public class RepBook {

    /** What the command side knows of a rep when deciding whether they may gain a customer. */
    public record Standing(String repId, RepStatus status, int capacity, int owned) {
    }

    private final JdbcTemplate jdbc;

    public RepBook(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Standing> standing(String repId) {
        List<Standing> rows = jdbc.query("SELECT rep_id, status, capacity, owned FROM rep_book WHERE rep_id = ?",
                (rs, i) -> new Standing(rs.getString(1), RepStatus.valueOf(rs.getString(2)), rs.getInt(3), rs.getInt(4)),
                repId);
        return rows.stream().findFirst();
    }

    public Optional<String> ownerOf(String customerId) {
        List<String> rows = jdbc.query("SELECT owner_rep_id FROM customer_owner WHERE customer_id = ?",
                (rs, i) -> rs.getString(1), customerId);
        return rows.stream().filter(owner -> owner != null).findFirst();
    }

    /** Refuses unless {@code repId} is a registered rep who has not departed and is below capacity. */
    public void requireCanReceive(String repId) {
        Standing standing = standing(repId).orElseThrow(() ->
                RejectedException.of(ErrorCode.REP_NOT_FOUND, "rep " + repId + " is not registered", "repId", repId));
        requireCanReceive(standing);
    }

    private static void requireCanReceive(Standing standing) {
        if (standing.status() == RepStatus.DEPARTED) {
            throw RejectedException.of(ErrorCode.REP_DEPARTED,
                    "rep " + standing.repId() + " has departed and cannot receive customers", "repId", standing.repId());
        }
        if (standing.owned() >= standing.capacity()) {
            throw RejectedException.of(ErrorCode.REP_AT_CAPACITY,
                    "rep " + standing.repId() + " already owns " + standing.owned() + " of " + standing.capacity()
                            + " customers", "repId", standing.repId());
        }
    }

    /** Refuses unless {@code repId} is a registered rep who has not departed. */
    public void requireActiveMember(String repId) {
        Standing standing = standing(repId).orElseThrow(() ->
                RejectedException.of(ErrorCode.REP_NOT_FOUND, "rep " + repId + " is not registered", "repId", repId));
        if (standing.status() == RepStatus.DEPARTED) {
            throw RejectedException.of(ErrorCode.REP_DEPARTED, "rep " + repId + " has departed", "repId", repId);
        }
    }

    /** Every rep with standing, load and territory, by rep id, for the assignment rules. */
    public Map<String, Candidate> candidates() {
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        jdbc.query("SELECT rep_id, status, capacity, owned, regions, product_lines, customer_types FROM rep_book "
                + "ORDER BY rep_id", rs -> {
            candidates.put(rs.getString(1), new Candidate(rs.getString(1), RepStatus.valueOf(rs.getString(2)),
                    rs.getInt(3), rs.getInt(4), decodeRegions(rs.getString(5)), split(rs.getString(6)),
                    split(rs.getString(7)).stream().map(CustomerType::valueOf).toList()));
        });
        return candidates;
    }

    @EventHandler
    void on(RepRegisteredEvent event) {
        jdbc.update("INSERT INTO rep_book (rep_id, status, capacity, owned, regions, product_lines, customer_types) "
                        + "VALUES (?, ?, ?, 0, ?, ?, ?)", event.repId(), RepStatus.ACTIVE.name(), event.capacity(),
                encodeRegions(event.regions()), String.join(SEPARATOR, event.productLines()), encodeTypes(event.customerTypes()));
    }

    @EventHandler
    void on(RepTerritoryChangedEvent event) {
        jdbc.update("UPDATE rep_book SET capacity = ?, regions = ?, product_lines = ?, customer_types = ? WHERE rep_id = ?",
                event.capacity(), encodeRegions(event.regions()), String.join(SEPARATOR, event.productLines()),
                encodeTypes(event.customerTypes()), event.repId());
    }

    private static final String SEPARATOR = "|";

    private static String encodeRegions(List<Region> regions) {
        return regions.stream().map(region -> String.join("/", region.province(), nullToEmpty(region.city()),
                nullToEmpty(region.county()))).collect(Collectors.joining(SEPARATOR));
    }

    private static List<Region> decodeRegions(String encoded) {
        return split(encoded).stream().map(path -> path.split("/", -1))
                .map(parts -> new Region(parts[0], emptyToNull(parts[1]), emptyToNull(parts[2]))).toList();
    }

    private static String encodeTypes(List<CustomerType> types) {
        return types.stream().map(CustomerType::name).collect(Collectors.joining(SEPARATOR));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\\" + SEPARATOR));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    @EventHandler
    void on(RepStatusChangedEvent event) {
        jdbc.update("UPDATE rep_book SET status = ? WHERE rep_id = ?", event.to().name(), event.repId());
    }

    /**
     * Reads the rep's book, to stay as read until the current transaction ends, so that no claim,
     * transfer or registration can give them a customer meanwhile; then lists what they own and
     * collaborate on. The lock is the store's single writer: every write transaction begins with
     * {@code BEGIN IMMEDIATE}, which takes SQLite's one write lock (in the order the ledger's fair
     * writer lock admits transactions) and holds it until commit or rollback, so no other transaction
     * can change a row between this read and the end of this one. Call it within the command's
     * transaction; SQLite has no {@code SELECT … FOR UPDATE}.
     */
    public Book lockBook(String repId) {
        Standing standing = jdbc.query("SELECT rep_id, status, capacity, owned FROM rep_book WHERE rep_id = ?",
                        (rs, i) -> new Standing(rs.getString(1), RepStatus.valueOf(rs.getString(2)), rs.getInt(3),
                                rs.getInt(4)), repId).stream().findFirst()
                .orElseThrow(() -> RejectedException.of(ErrorCode.REP_NOT_FOUND, "rep " + repId + " is not registered",
                        "repId", repId));
        return new Book(standing, customersOwnedBy(repId, null, null, null),
                jdbc.query("SELECT customer_id FROM customer_collaborator WHERE rep_id = ? ORDER BY customer_id",
                        (rs, i) -> rs.getString(1), repId));
    }

    /**
     * What the command side knows of a customer: its owner (null: pool), region, type and grade (null: not graded),
     * and its EDITOR collaborators.
     */
    public record CustomerStanding(String customerId, String ownerRepId, Region region, CustomerType type, Grade grade,
                                   List<String> editors) {

        /** The owner, an EDITOR collaborator, a manager or an admin: who works the customer's opportunities and orders. */
        public boolean worksOn(Actor actor) {
            return actor.actsForCompany() || actor.isRep(ownerRepId) || (actor.repId() != null && editors.contains(actor.repId()));
        }

        /** Who places the customer's orders: who works on it, and the dealer itself. */
        public boolean ordersFor(Actor actor) {
            return worksOn(actor) || actor.isDealerOf(customerId);
        }
    }

    public Optional<CustomerStanding> customer(String customerId) {
        List<CustomerStanding> rows = jdbc.query("SELECT owner_rep_id, province, city, county, customer_type, grade "
                + "FROM customer_owner WHERE customer_id = ?", (rs, i) -> new CustomerStanding(customerId, rs.getString(1),
                rs.getString(2) == null ? null : new Region(rs.getString(2), rs.getString(3), rs.getString(4)),
                rs.getString(5) == null ? null : CustomerType.valueOf(rs.getString(5)),
                rs.getString(6) == null ? null : Grade.valueOf(rs.getString(6)),
                jdbc.query("SELECT rep_id FROM customer_collaborator WHERE customer_id = ? AND role = 'EDITOR'",
                        (r, j) -> r.getString(1), customerId)), customerId);
        return rows.stream().findFirst();
    }

    /** A rep's standing with the customers they own and collaborate on. */
    public record Book(Standing standing, List<String> owned, List<String> collaborations) {
    }

    /** The customers a rep owns now, narrowed by type, region and grade when given, in id order. */
    public List<String> customersOwnedBy(String repId, CustomerType type, Region region, Grade grade) {
        StringBuilder sql = new StringBuilder("SELECT customer_id FROM customer_owner WHERE owner_rep_id = ?");
        List<Object> args = new java.util.ArrayList<>(List.of(repId));
        if (grade != null) {
            sql.append(" AND grade = ?");
            args.add(grade.name());
        }
        if (type != null) {
            sql.append(" AND customer_type = ?");
            args.add(type.name());
        }
        if (region != null) {
            sql.append(" AND province = ?");
            args.add(region.province());
            if (region.city() != null) {
                sql.append(" AND city = ?");
                args.add(region.city());
                if (region.county() != null) {
                    sql.append(" AND county = ?");
                    args.add(region.county());
                }
            }
        }
        return jdbc.query(sql.append(" ORDER BY customer_id").toString(), (rs, i) -> rs.getString(1), args.toArray());
    }

    @EventHandler
    void on(RepDepartedEvent event) {
        jdbc.update("UPDATE rep_book SET status = ? WHERE rep_id = ?", RepStatus.DEPARTED.name(), event.repId());
    }

    @EventHandler
    void on(CollaboratorAddedEvent event) {
        if (jdbc.update("UPDATE customer_collaborator SET role = ? WHERE customer_id = ? AND rep_id = ?",
                event.role().name(), event.customerId(), event.repId()) == 0) {
            jdbc.update("INSERT INTO customer_collaborator (customer_id, rep_id, role) VALUES (?, ?, ?)", event.customerId(),
                    event.repId(), event.role().name());
        }
    }

    @EventHandler
    void on(CollaboratorRemovedEvent event) {
        jdbc.update("DELETE FROM customer_collaborator WHERE customer_id = ? AND rep_id = ?", event.customerId(),
                event.repId());
    }

    @EventHandler
    void on(CustomerGradeChangedEvent event) {
        jdbc.update("UPDATE customer_owner SET grade = ? WHERE customer_id = ?", event.to().name(), event.customerId());
    }

    @EventHandler
    void on(CustomerProfileUpdatedEvent event) {
        describe(event.customerId(), event.profile());
        jdbc.update("UPDATE customer_facts SET name = ?, product_lines = ? WHERE customer_id = ?", event.profile().name(),
                String.join(SEPARATOR, event.profile().productLines()), event.customerId());
    }

    private void describe(String customerId, CustomerProfile profile) {
        Region region = profile.region();
        jdbc.update("UPDATE customer_owner SET customer_type = ?, province = ?, city = ?, county = ? WHERE customer_id = ?",
                profile.type().name(), region.province(), region.city(), region.county(), customerId);
    }

    /** A customer as the assignment rules see it (name, type, region, product lines), with its owner now (null: pool). */
    public record CustomerFacts(String customerId, String ownerRepId, CustomerProfile profile) {
    }

    /**
     * Hands every registered customer to {@code visit}, in registration order, one row at a time: the
     * rows are streamed from the store, never collected.
     */
    public void forEachCustomer(Consumer<CustomerFacts> visit) {
        jdbc.query("SELECT f.customer_id, o.owner_rep_id, f.name, o.customer_type, o.province, o.city, o.county, "
                + "f.product_lines FROM customer_facts f JOIN customer_owner o ON o.customer_id = f.customer_id "
                + "ORDER BY f.registered", (RowCallbackHandler) rs -> visit.accept(new CustomerFacts(rs.getString(1),
                rs.getString(2), new CustomerProfile(rs.getString(3), CustomerType.valueOf(rs.getString(4)),
                new Region(rs.getString(5), rs.getString(6), rs.getString(7)), null, null, null, List.of(), null,
                List.of(), List.of(), split(rs.getString(8)), null))));
    }

    @EventHandler
    void on(OwnershipChange change) {
        if (change.previousOwnerRepId() != null) {
            jdbc.update("UPDATE rep_book SET owned = owned - 1 WHERE rep_id = ?", change.previousOwnerRepId());
        }
        String newOwner = change.newOwnerRepId();
        if (newOwner != null) {
            int gained = jdbc.update("UPDATE rep_book SET owned = owned + 1 "
                    + "WHERE rep_id = ? AND status <> 'DEPARTED' AND owned < capacity", newOwner);
            if (gained == 0) {
                // another command got there first: re-read and refuse with the reason as it stands now
                requireCanReceive(newOwner);
                throw RejectedException.of(ErrorCode.REP_AT_CAPACITY, "rep " + newOwner + " cannot receive customers",
                        "repId", newOwner);
            }
        }
        if (jdbc.update("UPDATE customer_owner SET owner_rep_id = ? WHERE customer_id = ?", newOwner,
                change.customerId()) == 0) {
            jdbc.update("INSERT INTO customer_owner (customer_id, owner_rep_id) VALUES (?, ?)", change.customerId(),
                    newOwner);
        }
        if (newOwner != null) {
            jdbc.update("DELETE FROM customer_collaborator WHERE customer_id = ? AND rep_id = ?", change.customerId(),
                    newOwner);
        }
        if (change instanceof CustomerRegisteredEvent registered) {
            describe(registered.customerId(), registered.profile());
            jdbc.update("INSERT INTO customer_facts (customer_id, name, product_lines) VALUES (?, ?, ?)",
                    registered.customerId(), registered.profile().name(),
                    String.join(SEPARATOR, registered.profile().productLines()));
        }
    }
}
