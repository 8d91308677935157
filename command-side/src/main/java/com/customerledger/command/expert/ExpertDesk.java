package com.customerledger.command.expert;

import com.customerledger.command.CommandLookups;
import com.customerledger.events.Region;
import com.customerledger.events.expert.ExpertRegisteredEvent;
import com.customerledger.events.ticket.TicketAssignedEvent;
import com.customerledger.events.ticket.TicketClosedEvent;
import com.customerledger.events.ticket.TicketKind;
import com.customerledger.events.ticket.TicketReopenedEvent;
import com.customerledger.events.ticket.TicketResolvedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The command side's book of experts and their open tickets, kept in the event store's database in the same
 * transaction as the events (like the rep book), so a ticket is dispatched on the load as it stands: two tickets
 * opened at the same moment are decided one after the other under the store's single writer.
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
public class ExpertDesk {

    private static final String SEPARATOR = "|";

    private final JdbcTemplate jdbc;

    public ExpertDesk(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String expertId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM expert_book WHERE expert_id = ?", Integer.class, expertId) > 0;
    }

    /** Every expert with what it covers and its open tickets, by expert id. */
    public List<ExpertCandidate> candidates() {
        List<ExpertCandidate> experts = new ArrayList<>();
        jdbc.query("SELECT e.expert_id, e.regions, e.crops, e.species, e.kinds, e.capacity, "
                + "(SELECT COUNT(*) FROM ticket_load t WHERE t.expert_id = e.expert_id AND t.open) "
                + "FROM expert_book e ORDER BY e.expert_id", rs -> {
            experts.add(new ExpertCandidate(rs.getString(1), decodeRegions(rs.getString(2)), split(rs.getString(3)),
                    split(rs.getString(4)), split(rs.getString(5)).stream().map(TicketKind::valueOf).toList(),
                    rs.getInt(6), rs.getInt(7)));
        });
        return experts;
    }

    /** Decides the expert of a new ticket on the experts' load as it stands; call within the ticket's transaction. */
    public Dispatch.Decision dispatch(Region customerRegion, TicketKind kind, String crop, String species) {
        return Dispatch.decide(candidates(), customerRegion, kind, crop, species);
    }

    @EventHandler
    void on(ExpertRegisteredEvent event) {
        jdbc.update("INSERT INTO expert_book (expert_id, regions, crops, species, kinds, capacity) VALUES (?, ?, ?, ?, ?, ?)",
                event.expertId(), encodeRegions(event.regions()), String.join(SEPARATOR, event.crops()),
                String.join(SEPARATOR, event.species()),
                event.kinds().stream().map(TicketKind::name).collect(Collectors.joining(SEPARATOR)), event.capacity());
    }

    @EventHandler
    void on(TicketAssignedEvent event) {
        load(event.ticketId(), event.expertId(), true);
    }

    @EventHandler
    void on(TicketReopenedEvent event) {
        load(event.ticketId(), event.expertId(), true);
    }

    @EventHandler
    void on(TicketResolvedEvent event) {
        load(event.ticketId(), event.expertId(), false);
    }

    @EventHandler
    void on(TicketClosedEvent event) {
        jdbc.update("UPDATE ticket_load SET open = FALSE WHERE ticket_id = ?", event.ticketId());
    }

    private void load(String ticketId, String expertId, boolean open) {
        if (jdbc.update("UPDATE ticket_load SET expert_id = ?, open = ? WHERE ticket_id = ?", expertId, open, ticketId) == 0) {
            jdbc.update("INSERT INTO ticket_load (ticket_id, expert_id, open) VALUES (?, ?, ?)", ticketId, expertId, open);
        }
    }

    private static String encodeRegions(List<Region> regions) {
        return regions.stream().map(region -> String.join("/", region.province(), nullToEmpty(region.city()),
                nullToEmpty(region.county()))).collect(Collectors.joining(SEPARATOR));
    }

    private static List<Region> decodeRegions(String encoded) {
        return split(encoded).stream().map(path -> path.split("/", -1))
                .map(parts -> new Region(parts[0], emptyToNull(parts[1]), emptyToNull(parts[2]))).toList();
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
}
