package com.customerledger.command.assignment;

import com.customerledger.command.rep.RepBook;
import com.customerledger.events.AssignmentRule;
import com.customerledger.events.EventPositions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * What-if for a draft assignment policy: every customer, in registration order, goes through the
 * draft rules exactly as live registrations would (same rule logic; turns and loads counted from
 * nothing, each rep's status, capacity and territory as they are now), and the outcome is compared
 * with who owns each customer now. The customers are streamed one at a time from the command side's
 * lookups, so the preview holds only the reps, the rules' turns and the first {@code limit} entries
 * of each list, however large the ledger. It appends nothing and touches no read model.
 */
@Component
public class AssignmentPreview {

    /** A customer whose owner the draft would choose differently. */
    public record Change(String customerId, String name, String currentOwnerRepId, String proposedOwnerRepId,
                         String ruleId) {
    }

    /** A customer the draft would leave in the pool, and why. */
    public record Unassigned(String customerId, String name, String currentOwnerRepId, String reason) {
    }

    /** How many customers a rep owns now and would own under the draft. */
    public record RepLoad(String repId, int before, int after) {
    }

    /** The whole what-if: counts, the first {@code limit} changes and unassigned customers, and every rep's load. */
    public record Result(long throughPosition, int customers, int changedCount, List<Change> changes,
                         int unassignedCount, List<Unassigned> unassigned, List<RepLoad> loads) {
    }

    private final RepBook book;
    private final EventStore eventStore;
    private final EventPositions positions;

    public AssignmentPreview(RepBook book, EventStore eventStore, EventPositions positions) {
        this.book = book;
        this.eventStore = eventStore;
        this.positions = positions;
    }

    @QueryHandler
    public Result handle(PreviewAssignmentQuery query) {
        return preview(query.draft(), query.limit());
    }

    /**
     * The lookups follow the events they were written with, so they hold at least every event up to the head read
     * first. Queries run outside a transaction, so the reps and the customers are two reads: each rep's load before
     * is counted from the customers streamed, so it agrees with them even when a registration lands in between.
     */
    public Result preview(List<AssignmentRule> draft, int limit) {
        long through = positions.of(eventStore.createHeadToken());
        Map<String, Candidate> now = book.candidates();
        Map<String, Candidate> simulated = new TreeMap<>();
        now.values().forEach(rep -> simulated.put(rep.repId(), rep.withOwned(0)));
        Map<String, String> turns = new HashMap<>();
        List<Change> changes = new ArrayList<>();
        List<Unassigned> unassigned = new ArrayList<>();
        int[] counts = new int[3]; // customers, changed, unassigned
        Map<String, Integer> owned = new HashMap<>();
        book.forEachCustomer(customer -> {
            counts[0]++;
            String current = customer.ownerRepId();
            if (current != null) {
                owned.merge(current, 1, Integer::sum);
            }
            String name = customer.profile().name();
            Decision decision = AssignmentRules.decide(null, draft, customer.profile(), simulated, turns);
            if (decision.isAssigned()) {
                Candidate rep = simulated.get(decision.repId());
                simulated.put(rep.repId(), rep.withOwned(rep.owned() + 1));
                turns.put(decision.ruleId(), decision.repId());
            } else {
                counts[2]++;
                if (unassigned.size() < limit) {
                    unassigned.add(new Unassigned(customer.customerId(), name, current, decision.unassignedReason()));
                }
            }
            if (!Objects.equals(current, decision.repId())) {
                counts[1]++;
                if (changes.size() < limit) {
                    changes.add(new Change(customer.customerId(), name, current, decision.repId(), decision.ruleId()));
                }
            }
        });
        List<RepLoad> loads = now.values().stream()
                .map(rep -> new RepLoad(rep.repId(), owned.getOrDefault(rep.repId(), 0), simulated.get(rep.repId()).owned())).toList();
        return new Result(through, counts[0], counts[1], changes, counts[2], unassigned, loads);
    }
}
