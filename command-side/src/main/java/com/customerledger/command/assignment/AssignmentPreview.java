package com.customerledger.command.assignment;

import com.customerledger.events.EventPositions;
import com.customerledger.events.AssignmentRule;
import com.customerledger.events.CustomerProfile;
import com.customerledger.events.CustomerProfileUpdatedEvent;
import com.customerledger.events.CustomerRegisteredEvent;
import com.customerledger.events.OwnershipChange;
import com.customerledger.events.RepRegisteredEvent;
import com.customerledger.events.RepStatus;
import com.customerledger.events.RepStatusChangedEvent;
import com.customerledger.events.RepTerritoryChangedEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * What-if for a draft assignment policy: every customer's registration facts, in registration
 * order, go through the draft rules exactly as live registrations would (same rule logic, turns and
 * loads counted from nothing), and the outcome is compared with who owns each customer now. It
 * reads the event stream into throwaway memory; it appends nothing and touches no read model.
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

    private final EventStore eventStore;
    private final EventPositions positions;

    public AssignmentPreview(EventStore eventStore, EventPositions positions) {
        this.eventStore = eventStore;
        this.positions = positions;
    }

    @QueryHandler
    public Result handle(PreviewAssignmentQuery query) {
        return preview(query.draft(), query.limit());
    }

    public Result preview(List<AssignmentRule> draft, int limit) {
        History history = new History();
        long through = positions.of(eventStore.createHeadToken());
        if (through > 0) {
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
                while (stream.hasNextAvailable()) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    history.apply(event.getPayload());
                    if (positions.of(event.trackingToken().position()).orElse(Long.MAX_VALUE) >= through) {
                        break;
                    }
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("preview interrupted", interrupted);
            }
        }
        return history.decide(draft, limit, through);
    }

    /** The facts the rules look at, as the event stream tells them. */
    private static final class History {

        private final Map<String, CustomerProfile> profiles = new LinkedHashMap<>();
        private final Map<String, String> owners = new HashMap<>();
        private final Map<String, Candidate> reps = new TreeMap<>();

        void apply(Object event) {
            if (event instanceof CustomerRegisteredEvent registered) {
                profiles.put(registered.customerId(), ruleFacts(registered.profile()));
            } else if (event instanceof CustomerProfileUpdatedEvent updated) {
                profiles.put(updated.customerId(), ruleFacts(updated.profile()));
            } else if (event instanceof RepRegisteredEvent rep) {
                reps.put(rep.repId(), new Candidate(rep.repId(), RepStatus.ACTIVE, rep.capacity(), 0, rep.regions(),
                        rep.productLines(), rep.customerTypes()));
            } else if (event instanceof RepTerritoryChangedEvent territory) {
                Candidate rep = reps.get(territory.repId());
                reps.put(rep.repId(), new Candidate(rep.repId(), rep.status(), territory.capacity(), 0, territory.regions(),
                        territory.productLines(), territory.customerTypes()));
            } else if (event instanceof RepStatusChangedEvent status) {
                Candidate rep = reps.get(status.repId());
                reps.put(rep.repId(), new Candidate(rep.repId(), status.to(), rep.capacity(), 0, rep.regions(),
                        rep.productLines(), rep.customerTypes()));
            }
            if (event instanceof OwnershipChange change) {
                owners.put(change.customerId(), change.newOwnerRepId());
            }
        }

        /**
         * Only what the rules match on (type, region, product lines) and the name the answer shows: the
         * preview holds one entry per customer, so it keeps no addresses, contacts or notes.
         */
        private static CustomerProfile ruleFacts(CustomerProfile profile) {
            return new CustomerProfile(profile.name(), profile.type(), profile.region(), null, null, null, List.of(), null,
                    List.of(), List.of(), List.copyOf(profile.productLines()), null);
        }

        Result decide(List<AssignmentRule> draft, int limit, long through) {
            Map<String, Candidate> simulated = new TreeMap<>(reps);
            Map<String, String> turns = new HashMap<>();
            Map<String, Integer> before = new TreeMap<>();
            reps.keySet().forEach(rep -> before.put(rep, 0));
            owners.values().stream().filter(owner -> owner != null).forEach(owner -> before.merge(owner, 1, Integer::sum));
            List<Change> changes = new ArrayList<>();
            List<Unassigned> unassigned = new ArrayList<>();
            int changedCount = 0;
            int unassignedCount = 0;
            for (Map.Entry<String, CustomerProfile> customer : profiles.entrySet()) {
                String id = customer.getKey();
                String current = owners.get(id);
                Decision decision = AssignmentRules.decide(null, draft, customer.getValue(), simulated, turns);
                if (decision.isAssigned()) {
                    Candidate rep = simulated.get(decision.repId());
                    simulated.put(rep.repId(), rep.withOwned(rep.owned() + 1));
                    turns.put(decision.ruleId(), decision.repId());
                } else {
                    unassignedCount++;
                    if (unassigned.size() < limit) {
                        unassigned.add(new Unassigned(id, customer.getValue().name(), current,
                                decision.unassignedReason()));
                    }
                }
                if (!java.util.Objects.equals(current, decision.repId())) {
                    changedCount++;
                    if (changes.size() < limit) {
                        changes.add(new Change(id, customer.getValue().name(), current, decision.repId(), decision.ruleId()));
                    }
                }
            }
            List<RepLoad> loads = reps.keySet().stream()
                    .map(rep -> new RepLoad(rep, before.getOrDefault(rep, 0), simulated.get(rep).owned())).toList();
            return new Result(through, profiles.size(), changedCount, changes, unassignedCount, unassigned, loads);
        }
    }
}
