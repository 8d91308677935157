package com.customerledger.command.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.events.AssignmentRule;
import com.customerledger.events.AssignmentStrategy;
import com.customerledger.events.CustomerProfile;
import com.customerledger.events.CustomerType;
import com.customerledger.events.Region;
import com.customerledger.events.RepStatus;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssignmentRulesTest {

    private static final Region SHANDONG = new Region("山东省", null, null);
    private static final Region WEIFANG = new Region("山东省", "潍坊市", null);
    private static final Region SHOUGUANG = new Region("山东省", "潍坊市", "寿光市");
    private static final Region LINYI = new Region("山东省", "临沂市", "兰陵县");

    private static CustomerProfile customer(Region region, CustomerType type, String... productLines) {
        return new CustomerProfile("客户", type, region, null, null, null, List.of(), null, List.of(), List.of(),
                List.of(productLines), null);
    }

    private static Candidate rep(String id, int owned, int capacity, Region... regions) {
        return new Candidate(id, RepStatus.ACTIVE, capacity, owned, List.of(regions), List.of(), List.of());
    }

    private static Map<String, Candidate> reps(Candidate... candidates) {
        Map<String, Candidate> byId = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            byId.put(candidate.repId(), candidate);
        }
        return byId;
    }

    private static AssignmentRule rule(String id, Region region, CustomerType type, String productLine,
                                       AssignmentStrategy strategy, String... candidates) {
        return new AssignmentRule(id, region, type, productLine, candidates.length == 0, List.of(candidates), strategy);
    }

    @Test
    void mostSpecificRegionWinsThenRuleOrder() {
        List<AssignmentRule> rules = List.of(
                rule("province", SHANDONG, null, null, AssignmentStrategy.FIXED, "a"),
                rule("county", SHOUGUANG, null, null, AssignmentStrategy.FIXED, "b"),
                rule("city", WEIFANG, null, null, AssignmentStrategy.FIXED, "c"),
                rule("county-too", SHOUGUANG, null, null, AssignmentStrategy.FIXED, "d"));
        assertThat(AssignmentRules.match(rules, customer(SHOUGUANG, CustomerType.FARM))).get()
                .extracting(AssignmentRule::ruleId).isEqualTo("county");
        assertThat(AssignmentRules.match(rules, customer(new Region("山东省", "潍坊市", "青州市"), CustomerType.FARM))).get()
                .extracting(AssignmentRule::ruleId).isEqualTo("city");
        assertThat(AssignmentRules.match(rules, customer(LINYI, CustomerType.FARM))).get()
                .extracting(AssignmentRule::ruleId).isEqualTo("province");
        assertThat(AssignmentRules.match(rules, customer(new Region("河南省", null, null), CustomerType.FARM))).isEmpty();
    }

    @Test
    void typeAndProductLineMustMatchWhenGiven() {
        List<AssignmentRule> rules = List.of(
                rule("dealers", SHANDONG, CustomerType.DEALER, null, AssignmentStrategy.FIXED, "a"),
                rule("fertilizer", SHANDONG, null, "fertilizer", AssignmentStrategy.FIXED, "b"));
        assertThat(AssignmentRules.match(rules, customer(SHOUGUANG, CustomerType.DEALER))).get()
                .extracting(AssignmentRule::ruleId).isEqualTo("dealers");
        assertThat(AssignmentRules.match(rules, customer(SHOUGUANG, CustomerType.FARM, "feed", "fertilizer"))).get()
                .extracting(AssignmentRule::ruleId).isEqualTo("fertilizer");
        assertThat(AssignmentRules.match(rules, customer(SHOUGUANG, CustomerType.FARM, "feed"))).isEmpty();
    }

    @Test
    void roundRobinTakesTurnsByRepIdAndSkipsIneligibleReps() {
        List<AssignmentRule> rules = List.of(rule("all", null, null, null, AssignmentStrategy.ROUND_ROBIN, "c", "a", "b"));
        Map<String, Candidate> reps = reps(rep("a", 0, 10), rep("b", 10, 10), rep("c", 0, 10));
        Map<String, String> last = new HashMap<>();
        StringBuilder turns = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            Decision decision = AssignmentRules.decide(1, rules, customer(SHOUGUANG, CustomerType.FARM), reps, last);
            turns.append(decision.repId());
            last.put("all", decision.repId());
        }
        // b is at capacity, so a and c alternate
        assertThat(turns).hasToString("acac");
    }

    @Test
    void roundRobinContinuesAfterTheLeaverWhenThePreviousRepLeft() {
        List<AssignmentRule> rules = List.of(rule("all", null, null, null, AssignmentStrategy.ROUND_ROBIN, "a", "c", "d"));
        Map<String, Candidate> reps = reps(rep("a", 0, 10), rep("c", 0, 10), rep("d", 0, 10));
        Decision decision = AssignmentRules.decide(1, rules, customer(SHOUGUANG, CustomerType.FARM), reps,
                Map.of("all", "b"));
        assertThat(decision.repId()).isEqualTo("c");
    }

    @Test
    void leastLoadedComparesShareOfCapacity() {
        List<AssignmentRule> rules = List.of(rule("all", null, null, null, AssignmentStrategy.LEAST_LOADED, "a", "b"));
        // a owns 5 of 10 (50%), b owns 8 of 20 (40%)
        Decision decision = AssignmentRules.decide(1, rules, customer(SHOUGUANG, CustomerType.FARM),
                reps(rep("a", 5, 10), rep("b", 8, 20)), Map.of());
        assertThat(decision.repId()).isEqualTo("b");
    }

    @Test
    void fixedTakesFirstEligibleInRuleOrder() {
        List<AssignmentRule> rules = List.of(rule("all", null, null, null, AssignmentStrategy.FIXED, "b", "a"));
        Map<String, Candidate> reps = reps(rep("a", 0, 10),
                new Candidate("b", RepStatus.ON_LEAVE, 10, 0, List.of(), List.of(), List.of()));
        assertThat(AssignmentRules.decide(1, rules, customer(SHOUGUANG, CustomerType.FARM), reps, Map.of()).repId())
                .isEqualTo("a");
    }

    @Test
    void territoryCandidatesAreRepsCoveringTheCustomer() {
        List<AssignmentRule> rules = List.of(rule("territory", null, null, null, AssignmentStrategy.FIXED));
        Map<String, Candidate> reps = reps(rep("a", 0, 10, LINYI), rep("b", 0, 10, WEIFANG));
        assertThat(AssignmentRules.decide(1, rules, customer(SHOUGUANG, CustomerType.FARM), reps, Map.of()).repId())
                .isEqualTo("b");
    }

    @Test
    void noEligibleRepLeavesCustomerInPoolWithReason() {
        List<AssignmentRule> rules = List.of(rule("all", null, null, null, AssignmentStrategy.FIXED, "a"));
        Map<String, Candidate> reps = reps(new Candidate("a", RepStatus.DEPARTED, 10, 0, List.of(), List.of(), List.of()));
        Decision decision = AssignmentRules.decide(2, rules, customer(SHOUGUANG, CustomerType.FARM), reps, Map.of());
        assertThat(decision.isAssigned()).isFalse();
        assertThat(decision.unassignedReason()).contains("rule all").contains("no eligible rep");
        assertThat(decision.policyVersion()).isEqualTo(2);
    }
}
