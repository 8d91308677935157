package com.customerledger.command.assignment;

import com.customerledger.events.AssignmentRule;
import com.customerledger.events.CustomerProfile;
import com.customerledger.events.Region;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The assignment policy as pure logic, so that the live assignment and the what-if preview decide
 * in exactly the same way: which rule matches a customer, who its candidates are, and whom its
 * strategy picks.
 */
public final class AssignmentRules {

    private AssignmentRules() {
    }

    /** The rules with every missing rule id filled in from the rule's position: rule-1, rule-2, ... */
    public static List<AssignmentRule> named(List<AssignmentRule> rules) {
        List<AssignmentRule> named = new java.util.ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            AssignmentRule rule = rules.get(i);
            named.add(rule.ruleId() != null ? rule : new AssignmentRule("rule-" + (i + 1), rule.region(), rule.type(),
                    rule.productLine(), rule.byTerritory(), rule.candidates(), rule.strategy()));
        }
        return List.copyOf(named);
    }

    /** The matching rule with the most specific region; among equally specific ones, the first. */
    public static Optional<AssignmentRule> match(List<AssignmentRule> rules, CustomerProfile customer) {
        AssignmentRule best = null;
        for (AssignmentRule rule : rules) {
            if (matches(rule, customer) && (best == null || specificity(rule.region()) > specificity(best.region()))) {
                best = rule;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean matches(AssignmentRule rule, CustomerProfile customer) {
        return (rule.region() == null || rule.region().covers(customer.region()))
                && (rule.type() == null || rule.type() == customer.type())
                && (rule.productLine() == null || customer.productLines().contains(rule.productLine()));
    }

    private static int specificity(Region region) {
        if (region == null) {
            return 0;
        }
        return region.city() == null ? 1 : region.county() == null ? 2 : 3;
    }

    /**
     * Decides the owner of a new customer under {@code rules} (policy {@code version}, or null for a
     * draft), given every rep by id and, per rule, the rep who got that rule's previous customer.
     */
    public static Decision decide(Integer version, List<AssignmentRule> rules, CustomerProfile customer,
                                  Map<String, Candidate> reps, Map<String, String> lastAssigned) {
        String policy = version == null ? "the draft" : "assignment policy v" + version;
        Optional<AssignmentRule> matched = match(rules, customer);
        if (matched.isEmpty()) {
            return Decision.unassigned("no rule of " + policy + " matches this customer", null, version);
        }
        AssignmentRule rule = matched.get();
        List<Candidate> candidates = candidates(rule, customer, reps.values(), reps);
        List<Candidate> eligible = candidates.stream().filter(Candidate::eligible).toList();
        if (eligible.isEmpty()) {
            return Decision.unassigned("rule " + rule.ruleId() + " of " + policy + " has no eligible rep ("
                    + (candidates.isEmpty() ? "no candidates" : "all on leave, departed or at capacity") + ")",
                    rule.ruleId(), version);
        }
        Candidate chosen = switch (rule.strategy()) {
            case FIXED -> eligible.get(0);
            case LEAST_LOADED -> eligible.stream()
                    .min(Comparator.comparingDouble(Candidate::load).thenComparing(Candidate::repId)).orElseThrow();
            case ROUND_ROBIN -> nextInTurn(eligible, lastAssigned.get(rule.ruleId()));
        };
        return Decision.assigned(chosen.repId(), rule.ruleId(), version);
    }

    /** The rule's candidates in rule order (listed reps), or by rep id (territory). */
    private static List<Candidate> candidates(AssignmentRule rule, CustomerProfile customer, Collection<Candidate> all,
                                              Map<String, Candidate> byId) {
        if (rule.byTerritory()) {
            return all.stream().filter(rep -> rep.covers(customer)).sorted(Comparator.comparing(Candidate::repId)).toList();
        }
        return rule.candidates().stream().map(byId::get).filter(rep -> rep != null).toList();
    }

    /**
     * Turns go by rep id: the first eligible rep after the previous one, wrapping around. A rep who
     * joins or leaves takes or loses a turn without resetting anyone else's.
     */
    private static Candidate nextInTurn(List<Candidate> eligible, String previous) {
        List<Candidate> inTurn = eligible.stream().sorted(Comparator.comparing(Candidate::repId)).toList();
        if (previous == null) {
            return inTurn.get(0);
        }
        return inTurn.stream().filter(rep -> rep.repId().compareTo(previous) > 0).findFirst().orElse(inTurn.get(0));
    }
}
