package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The catalogue, the pricing policy and the policy price of a product for a customer, through the HTTP API. */
class PricingApiTest extends EmbeddedLedgerTest {

    private final String unique = UUID.randomUUID().toString().substring(0, 8);
    private final String grower = "grower-" + unique;
    private final String premix = "premix-" + unique;

    @BeforeEach
    void reps() {
        registerRep("rep-a", 1000);
        registerRep("rep-b", 1000);
    }

    private Api.Response addProduct(String user, String id, String line, String price) {
        return api.post(user, "/api/products", Map.of("productId", id, "name", "猪用生长料 40kg " + id, "productLine", line,
                "unit", "BAG", "listPrice", price));
    }

    @Test
    void aProductIsAddedOnceAndReadBack() {
        Api.Response added = addProduct("manager", grower, "feed", "168.00");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.raw().headers().firstValue("Location")).hasValue("/api/products/" + grower);
        Api.Response again = addProduct("admin", grower, "feed", "168");
        assertThat(again.status()).as("the same product again").isEqualTo(201);
        assertThat(storedEventIds("product:" + grower)).hasSize(1);

        Api.Response clash = assertRefused(409, streamOf("product:" + grower), () -> addProduct("manager", grower, "feed", "170.00"));
        assertThat(clash.text("code")).isEqualTo("ID_ALREADY_USED");
        assertRefused(403, streamOf("product:other-" + unique), () -> addProduct("rep-a", "other-" + unique, "feed", "10"));
        assertRefused(400, streamOf("product:other-" + unique), () -> addProduct("manager", "other-" + unique, "feed", "-1"));
        assertRefused(400, streamOf("product:other-" + unique), () -> api.post("manager", "/api/products", Map.of("productId",
                "other-" + unique, "name", "x", "productLine", "feed", "unit", "BARREL", "listPrice", "10")));

        JsonNode product = api.get("rep-a", "/api/products/" + grower + "?minPosition=" + added.position()).body();
        assertThat(product.get("listPrice").decimalValue()).isEqualByComparingTo("168.00");
        assertThat(product.get("unit").asText()).isEqualTo("BAG");
        assertThat(product.get("addedBy").asText()).isEqualTo("manager");
        JsonNode feed = api.get("rep-b", "/api/products?productLine=feed&size=200").body();
        assertThat(feed.get("items").findValuesAsText("productId")).contains(grower);
        assertThat(feed.get("items").findValuesAsText("productLine")).containsOnly("feed");
        assertThat(api.get("rep-a", "/api/products/no-such-" + unique).status()).isEqualTo(404);
    }

    @Test
    void theMostSpecificRulePricesASaleAndSaysWhichRuleAndVersionDid() {
        addProduct("manager", grower, "feed", "168.00");
        long added = addProduct("manager", premix, "premix", "320.00").position();
        String farm = api.post("manager", "/api/customers", newCustomer("rep-a")).text("customerId");
        Map<String, Object> dealerBody = newCustomer("rep-a");
        dealerBody.put("type", "DEALER");
        dealerBody.put("region", Map.of("province", "河南省", "city", "郑州市"));
        String dealer = api.post("manager", "/api/customers", dealerBody).text("customerId");
        String big = api.post("manager", "/api/customers", newCustomer("rep-a")).text("customerId");
        api.post("manager", "/api/customers/" + big + "/grade", Map.of("grade", "S", "reason", "年度大客户"));

        List<Map<String, Object>> rules = List.of(
                Map.of("ruleId", "feed-all", "match", Map.of("productLine", "feed"), "discountPercent", "3"),
                Map.of("ruleId", "feed-s-shandong", "match", Map.of("productLine", "feed", "grade", "S",
                        "region", Map.of("province", "山东省")), "discountPercent", "8"),
                Map.of("ruleId", "grower-dealers", "match", Map.of("productId", grower, "customerType", "DEALER"),
                        "discountPercent", "12.5"));
        Api.Response set = api.put("admin", "/api/policies/pricing", Map.of("rules", rules));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        int version = set.body().get("version").asInt();
        long at = Math.max(set.position(), added);

        assertPrice(farm, grower, at, "162.96", "feed-all", version);
        assertPrice(big, grower, at, "154.56", "feed-s-shandong", version);
        assertPrice(dealer, grower, at, "147.00", "grower-dealers", version);
        assertPrice(farm, premix, at, "320.00", null, version);

        JsonNode policy = api.get("auditor", "/api/policies/pricing?minPosition=" + set.position()).body();
        assertThat(policy.get("version").asInt()).isEqualTo(version);
        assertThat(policy.get("rules").findValuesAsText("ruleId")).containsExactly("feed-all", "feed-s-shandong",
                "grower-dealers");
        assertThat(policy.get("setBy").asText()).isEqualTo("admin");

        // the next version replaces the rules: the S discount is gone, the general one applies
        Api.Response next = api.put("admin", "/api/policies/pricing", Map.of("rules", List.of(rules.get(0))));
        assertThat(next.body().get("version").asInt()).isEqualTo(version + 1);
        assertPrice(big, grower, next.position(), "162.96", "feed-all", version + 1);
    }

    @Test
    void aPolicyThatCouldNotWorkIsRefusedAndChangesNothing() {
        addProduct("manager", grower, "feed", "168.00");
        String policy = "policy:pricing";
        Api.Response unknown = assertRefused(400, streamOf(policy), () -> api.put("admin", "/api/policies/pricing",
                Map.of("rules", List.of(Map.of("ruleId", "r1", "match", Map.of("productId", "no-such-" + unique),
                        "discountPercent", "5")))));
        assertThat(unknown.text("code")).isEqualTo("INVALID_POLICY");
        assertRefused(400, streamOf(policy), () -> api.put("admin", "/api/policies/pricing", Map.of("rules", List.of(
                Map.of("ruleId", "r1", "match", Map.of("productId", grower, "productLine", "premix"), "discountPercent", "5")))));
        assertRefused(400, streamOf(policy), () -> api.put("admin", "/api/policies/pricing", Map.of("rules", List.of(
                Map.of("ruleId", "r1", "discountPercent", "5"), Map.of("ruleId", "r1", "discountPercent", "6")))));
        assertRefused(400, streamOf(policy), () -> api.put("admin", "/api/policies/pricing", Map.of("rules", List.of(
                Map.of("ruleId", "r1", "discountPercent", "101")))));
        assertRefused(403, streamOf(policy), () -> api.put("manager", "/api/policies/pricing", Map.of("rules", List.of())));
    }

    @Test
    void aPriceIsForThoseWhoMayReadTheCustomer() {
        long added = addProduct("manager", grower, "feed", "168.00").position();
        Api.Response registered = api.post("manager", "/api/customers", newCustomer("rep-a"));
        String customer = registered.text("customerId");
        long at = Math.max(added, registered.position());
        assertThat(api.get("rep-a", "/api/prices?customerId=" + customer + "&productId=" + grower + "&minPosition=" + at)
                .status()).isEqualTo(200);
        assertThat(api.get("rep-b", "/api/prices?customerId=" + customer + "&productId=" + grower).status()).isEqualTo(403);
        assertThat(api.get("rep-a", "/api/prices?customerId=" + customer + "&productId=no-such-" + unique).status())
                .isEqualTo(404);
        assertThat(api.get("rep-a", "/api/prices?customerId=no-such-" + unique + "&productId=" + grower).status())
                .isEqualTo(404);
        assertThat(api.get("rep-a", "/api/prices?productId=" + grower).status()).isEqualTo(400);
    }

    private void assertPrice(String customer, String product, long position, String price, String rule, int version) {
        Api.Response answer = api.get("manager", "/api/prices?customerId=" + customer + "&productId=" + product
                + "&minPosition=" + position);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.body().get("policyPrice").decimalValue()).as(answer.toString()).isEqualByComparingTo(price);
        assertThat(answer.body().path("ruleId").isNull() ? null : answer.text("ruleId")).as(answer.toString()).isEqualTo(rule);
        assertThat(answer.body().get("policyVersion").asInt()).isEqualTo(version);
    }
}
