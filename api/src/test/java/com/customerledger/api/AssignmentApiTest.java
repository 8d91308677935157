package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.command.assignment.PublishAssignmentPolicyCommand;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Assignment rules end to end. The rules here match only provinces no other test uses, so the
 * customers of the other tests (which share this running ledger) stay in the pool.
 */
class AssignmentApiTest extends EmbeddedLedgerTest {

    private static Map<String, Object> rule(String ruleId, Map<String, Object> region, Object candidates, String strategy) {
        Map<String, Object> rule = new HashMap<>(Map.of("ruleId", ruleId, "candidates", candidates, "strategy", strategy));
        if (region != null) {
            rule.put("match", Map.of("region", region));
        }
        return rule;
    }

    private Api.Response publish(Object... rules) {
        return api.put("admin", "/api/policies/assignment", Map.of("rules", List.of(rules)));
    }

    private Map<String, Object> customerIn(Map<String, Object> region) {
        Map<String, Object> customer = newCustomer(null);
        customer.put("region", region);
        return customer;
    }

    private void registerRepIn(String repId, String province, int capacity) {
        Api.Response response = api.post("admin", "/api/reps", Map.of("repId", repId, "name", repId,
                "regions", List.of(Map.of("province", province)), "capacity", capacity));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    @Test
    void adminPublishesVersionsThatEveryoneWhoManagesCanRead() {
        String province = "版本省" + System.nanoTime();
        registerRepIn("v-rep-" + province.hashCode(), province, 10);
        Api.Response first = publish(rule("r1", Map.of("province", province), List.of("v-rep-" + province.hashCode()), "FIXED"));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        Api.Response second = publish(rule("r1", Map.of("province", province), "territory", "ROUND_ROBIN"));
        assertThat(second.body().get("version").asInt()).isEqualTo(first.body().get("version").asInt() + 1);

        JsonNode current = api.get("manager", "/api/policies/assignment?minPosition=" + second.position()).body();
        assertThat(current.get("version").asInt()).isEqualTo(second.body().get("version").asInt());
        assertThat(current.get("rules").get(0).get("candidates").asText()).isEqualTo("territory");
        assertThat(current.get("rules").get(0).get("match").get("region").get("province").asText()).isEqualTo(province);
        assertThat(current.get("publishedBy").asText()).isEqualTo("admin");

        JsonNode versions = api.get("auditor", "/api/policies/assignment/versions?minPosition=" + second.position()).body();
        assertThat(versions.size()).isGreaterThanOrEqualTo(2);
        assertThat(versions.get(versions.size() - 2).get("rules").get(0).get("candidates").get(0).asText())
                .isEqualTo("v-rep-" + province.hashCode());

        assertThat(api.put("manager", "/api/policies/assignment", Map.of("rules", List.of())).status()).isEqualTo(403);
        assertThat(api.get("rep-a", "/api/policies/assignment").status()).isEqualTo(403);
        Api.Response badCandidates = publish(rule("r1", null, "everyone", "FIXED"));
        assertThat(badCandidates.status()).isEqualTo(400);
        assertThat(publish(rule("r1", null, List.of("nobody-" + System.nanoTime()), "FIXED")).status()).isEqualTo(404);
        assertThat(api.put("admin", "/api/policies/assignment", Map.of("rules", List.of(Map.of("candidates", "territory"))))
                .status()).isEqualTo(400);
    }

    @Test
    void registrationWithoutOwnerIsAssignedByTheRuleAndSaysWhich() {
        String province = "规则省" + System.nanoTime();
        String rep = "rule-rep-" + Math.abs(province.hashCode());
        registerRepIn(rep, province, 10);
        registerRep("rep-a", 1000);
        Api.Response published = publish(rule("county-rule", Map.of("province", province, "city", "甲市", "county", "乙县"),
                List.of(rep), "FIXED"), rule("province-rule", Map.of("province", province), List.of("rep-a"), "FIXED"));
        int version = published.body().get("version").asInt();

        Api.Response registered = api.post("manager", "/api/customers",
                customerIn(Map.of("province", province, "city", "甲市", "county", "乙县")));
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.text("ownerRepId")).isEqualTo(rep);
        assertThat(registered.text("assignedByRule")).isEqualTo("county-rule");
        assertThat(registered.body().get("policyVersion").asInt()).isEqualTo(version);

        String id = registered.text("customerId");
        JsonNode view = api.get("manager", "/api/customers/" + id + "?minPosition=" + registered.position()).body();
        assertThat(view.get("assignedByRule").asText()).isEqualTo("county-rule@v" + version);
        JsonNode period = api.get("auditor", "/api/customers/" + id + "/ownership?minPosition=" + registered.position()).body().get("periods").get(0);
        assertThat(period.get("reason").asText()).isEqualTo("ASSIGNED_BY_RULE");
        assertThat(period.get("rule").asText()).isEqualTo("county-rule@v" + version);
        assertThat(period.get("repId").asText()).isEqualTo(rep);
    }

    @Test
    void withoutAMatchingRuleOrEligibleRepTheCustomerStaysInThePoolWithTheReason() {
        String province = "无人省" + System.nanoTime();
        String rep = "leave-rep-" + Math.abs(province.hashCode());
        registerRepIn(rep, province, 10);
        assertThat(api.put("manager", "/api/reps/" + rep + "/status", Map.of("status", "ON_LEAVE")).status()).isEqualTo(200);
        publish(rule("on-leave-only", Map.of("province", province), List.of(rep), "ROUND_ROBIN"));

        Api.Response noEligible = api.post("manager", "/api/customers", customerIn(Map.of("province", province)));
        assertThat(noEligible.text("ownerRepId")).isNull();
        assertThat(noEligible.text("unassignedReason")).contains("on-leave-only").contains("no eligible rep");

        Api.Response noRule = api.post("manager", "/api/customers", customerIn(Map.of("province", "别的省" + System.nanoTime())));
        assertThat(noRule.text("ownerRepId")).isNull();
        assertThat(noRule.text("unassignedReason")).contains("no rule");
        JsonNode view = api.get("manager", "/api/customers/" + noRule.text("customerId") + "?minPosition="
                + noRule.position()).body();
        assertThat(view.get("inPool").asBoolean()).isTrue();
        assertThat(view.get("unassignedReason").asText()).contains("no rule");
    }

    @Test
    void roundRobinGivesFourRepsAThousandCustomersFairly() {
        String province = "轮转省" + System.nanoTime();
        List<String> reps = List.of("rr-a", "rr-b", "rr-c", "rr-d").stream().map(r -> r + "-" + Math.abs(province.hashCode()))
                .toList();
        reps.forEach(rep -> registerRepIn(rep, province, 1000));
        publish(rule("rotation", Map.of("province", province), "territory", "ROUND_ROBIN"));

        long position = 0;
        for (int i = 0; i < 1000; i++) {
            Api.Response registered = api.post("manager", "/api/customers", customerIn(Map.of("province", province)));
            assertThat(registered.status()).isEqualTo(201);
            position = registered.position();
        }
        for (String rep : reps) {
            assertThat(api.get("manager", "/api/reps/" + rep + "?minPosition=" + position).body().get("load").asInt())
                    .as(rep).isEqualTo(250);
        }
    }

    @Test
    void previewShowsWhoWouldMoveAndChangesNothing() {
        String province = "预演省" + System.nanoTime();
        String p1 = "pv1-" + Math.abs(province.hashCode());
        String p2 = "pv2-" + Math.abs(province.hashCode());
        registerRepIn(p1, province, 100);
        registerRepIn(p2, province, 100);
        Api.Response published = publish(rule("fixed", Map.of("province", province), List.of(p1), "FIXED"));
        int version = published.body().get("version").asInt();
        List<String> ids = new java.util.ArrayList<>();
        long position = 0;
        for (int i = 0; i < 3; i++) {
            Api.Response registered = api.post("manager", "/api/customers", customerIn(Map.of("province", province)));
            assertThat(registered.text("ownerRepId")).isEqualTo(p1);
            ids.add(registered.text("customerId"));
            position = registered.position();
        }

        Map<String, Object> draft = Map.of("rules", List.of(rule("turns", Map.of("province", province), "territory",
                "ROUND_ROBIN")));
        java.util.function.Supplier<Object> stored = () -> List.of(ids.stream().map(this::customerEventIds).toList(),
                storedEventIds(PublishAssignmentPolicyCommand.POLICY_ID));
        Object before = stored.get();
        Api.Response preview = api.post("admin", "/api/policies/assignment/preview?limit=10000", draft);
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        JsonNode result = preview.body();
        assertThat(result.get("throughPosition").asLong()).isGreaterThanOrEqualTo(position);
        List<String> moved = new java.util.ArrayList<>();
        result.get("changes").forEach(change -> {
            if (ids.contains(change.get("customerId").asText())) {
                moved.add(change.get("customerId").asText() + ":" + change.get("currentOwnerRepId").asText() + "->"
                        + change.get("proposedOwnerRepId").asText() + ":" + change.get("ruleId").asText());
            }
        });
        // in registration order the draft takes turns p1, p2, p1: only the second customer moves
        assertThat(moved).containsExactly(ids.get(1) + ":" + p1 + "->" + p2 + ":turns");
        Map<String, String> loads = new HashMap<>();
        result.get("loads").forEach(load -> loads.put(load.get("repId").asText(),
                load.get("before").asInt() + "->" + load.get("after").asInt()));
        assertThat(loads).containsEntry(p1, "3->2").containsEntry(p2, "0->1");
        // the draft covers our province: none of ours would be left in the pool; with room for every row the list is whole
        assertThat(result.get("unassigned").findValuesAsText("customerId")).doesNotContainAnyElementsOf(ids);
        assertThat(result.get("unassignedCount").asInt()).isEqualTo(result.get("unassigned").size());
        assertThat(result.get("changedCount").asInt()).isEqualTo(result.get("changes").size());

        Api.Response again = api.post("admin", "/api/policies/assignment/preview?limit=0", draft);
        assertThat(again.body().get("changes")).isEmpty();
        assertThat(again.body().get("changedCount").asInt()).isEqualTo(result.get("changedCount").asInt());
        assertThat(stored.get()).as("the previews appended nothing to the customers or the policy").isEqualTo(before);
        assertThat(api.get("manager", "/api/policies/assignment?minPosition=" + position).body().get("version").asInt())
                .isEqualTo(version);
        assertThat(api.get("manager", "/api/customers/" + ids.get(1) + "?minPosition=" + position).body()
                .get("ownerRepId").asText()).isEqualTo(p1);

        assertThat(api.post("manager", "/api/policies/assignment/preview", draft).status()).isEqualTo(403);
        assertThat(api.post("admin", "/api/policies/assignment/preview", Map.of("rules", List.of(Map.of("strategy", "FIXED"))))
                .status()).isEqualTo(400);
    }

    @Test
    void previewSeesRepsAndProfilesAsTheyAreNow() {
        String province = "现况省" + System.nanoTime();
        String gone = "pvg-" + Math.abs(province.hashCode());
        String stays = "pvs-" + Math.abs(province.hashCode());
        registerRepIn(gone, province, 100);
        registerRepIn(stays, province, 100);
        Api.Response departed = api.post("manager", "/api/reps/" + gone + "/departure", Map.of("reason", "离职"));
        assertThat(departed.status()).as(departed.toString()).isEqualTo(202);
        Api.Response registered = api.post("manager", "/api/customers", customerIn(Map.of("province", province)));
        String id = registered.text("customerId");
        Api.Response renamed = api.patch("manager", "/api/customers/" + id,
                Map.of("name", "改名后的农场" + id, "productLines", List.of("水产饲料")));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);

        // a departed rep is never proposed, even when the draft names only them
        Api.Response onlyGone = api.post("admin", "/api/policies/assignment/preview?limit=10000", Map.of("rules",
                List.of(rule("gone", Map.of("province", province), List.of(gone), "FIXED"))));
        assertThat(onlyGone.status()).as(onlyGone.toString()).isEqualTo(200);
        JsonNode unassigned = find(onlyGone.body().get("unassigned"), id);
        assertThat(unassigned).as(onlyGone.toString()).isNotNull();
        assertThat(unassigned.get("name").asText()).as("the name as edited").isEqualTo("改名后的农场" + id);

        // the product line added by the edit is what a rule matches on
        Map<String, Object> byLine = new HashMap<>(rule("line", Map.of("province", province), List.of(stays), "FIXED"));
        byLine.put("match", Map.of("region", Map.of("province", province), "productLine", "水产饲料"));
        Api.Response matched = api.post("admin", "/api/policies/assignment/preview?limit=10000", Map.of("rules", List.of(byLine)));
        JsonNode change = find(matched.body().get("changes"), id);
        assertThat(change).as(matched.toString()).isNotNull();
        assertThat(change.get("proposedOwnerRepId").asText()).isEqualTo(stays);
        assertThat(change.get("ruleId").asText()).isEqualTo("line");
    }

    private static JsonNode find(JsonNode list, String customerId) {
        for (JsonNode entry : list) {
            if (entry.get("customerId").asText().equals(customerId)) {
                return entry;
            }
        }
        return null;
    }
}
