package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Orders through price and credit approval, dispatch and delivery, and what they do to the credit account. */
class OrderApiTest extends EmbeddedLedgerTest {

    private final String unique = UUID.randomUUID().toString().substring(0, 8);
    private final String product = "grower-" + unique;
    private BigDecimal policyPrice;
    private String customer;
    private long position;

    @BeforeEach
    void customerWithCredit() {
        registerRep("rep-a", 1000);
        registerRep("rep-b", 1000);
        long added = api.post("manager", "/api/products", Map.of("productId", product, "name", "猪用生长料 40kg", "productLine",
                "feed", "unit", "BAG", "listPrice", "168.00")).position();
        customer = customerWithLimit("50000.00", 60);
        policyPrice = api.get("rep-a", "/api/prices?customerId=" + customer + "&productId=" + product + "&minPosition="
                + Math.max(added, position)).body().get("policyPrice").decimalValue();
    }

    private String customerWithLimit(String limit, int termDays) {
        String id = api.post("manager", "/api/customers", newCustomer("rep-a")).text("customerId");
        String request = "cr-" + id;
        api.post("rep-a", "/api/customers/" + id + "/credit/requests", Map.of("requestId", request, "limit", limit,
                "paymentTermDays", termDays, "reason", "备货"));
        position = api.post("finance", "/api/credit/requests/" + request + "/decision", Map.of("decision", "APPROVE"))
                .position();
        return id;
    }

    private Api.Response order(String user, String customerId, String orderId, int bags, String unitPrice) {
        Map<String, Object> line = unitPrice == null ? Map.of("productId", product, "quantity", bags)
                : Map.of("productId", product, "quantity", bags, "unitPrice", unitPrice);
        return api.post(user, "/api/orders", Map.of("orderId", orderId, "customerId", customerId, "lines", List.of(line)));
    }

    private JsonNode credit(String customerId, long at) {
        return api.get("finance", "/api/customers/" + customerId + "/credit?minPosition=" + at).body();
    }

    private JsonNode read(String orderId, long at) {
        return api.get("manager", "/api/orders/" + orderId + "?minPosition=" + at).body();
    }

    @Test
    void anOrderWithinTheCreditIsApprovedAndReservesItThenDeliveryMakesItOutstanding() {
        String orderId = "so1-" + unique;
        Api.Response submitted = order("rep-a", customer, orderId, 100, null);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        BigDecimal total = policyPrice.multiply(BigDecimal.valueOf(100));
        assertThat(submitted.text("status")).isEqualTo("APPROVED");
        assertThat(submitted.body().get("total").decimalValue()).isEqualByComparingTo(total);
        assertThat(submitted.body().get("pending")).isEmpty();
        assertThat(order("rep-a", customer, orderId, 100, null).status()).as("the same order again").isEqualTo(201);
        assertThat(storedEventIds("order:" + orderId)).hasSize(2);

        JsonNode held = credit(customer, submitted.position());
        assertThat(held.get("reserved").decimalValue()).isEqualByComparingTo(total);
        assertThat(held.get("available").decimalValue()).isEqualByComparingTo(new BigDecimal("50000.00").subtract(total));

        String path = "/api/orders/" + orderId;
        assertRefused(409, streamOf("order:" + orderId), () -> api.post("warehouse", path + "/deliver", null));
        assertRefused(403, streamOf("order:" + orderId), () -> api.post("rep-a", path + "/dispatch", null));
        assertThat(api.post("warehouse", path + "/dispatch", Map.of("waybill", "SF1234567890")).status()).isEqualTo(200);
        assertRefused(409, streamOf("order:" + orderId), () -> api.post("rep-a", path + "/cancel", null));
        Api.Response delivered = api.post("warehouse", path + "/deliver", Map.of("note", "已签收"));
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);

        JsonNode order = read(orderId, delivered.position());
        assertThat(order.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(order.get("waybill").asText()).isEqualTo("SF1234567890");
        assertThat(order.get("steps").findValuesAsText("step")).containsExactly("SUBMITTED", "APPROVED", "DISPATCHED",
                "DELIVERED");
        assertThat(order.get("steps").get(3).get("by").asText()).isEqualTo("warehouse");
        assertThat(order.get("lines").get(0).get("policyPrice").decimalValue()).isEqualByComparingTo(policyPrice);
        Instant due = Instant.parse(order.get("dueAt").asText());
        // due 60 days (the payment term) after the delivery; the step's time is when it was recorded, a moment later
        Duration term = Duration.between(Instant.parse(order.get("steps").get(3).get("at").asText()), due);
        assertThat(term).isBetween(Duration.ofDays(60).minusSeconds(5), Duration.ofDays(60));
        JsonNode owed = credit(customer, delivered.position());
        assertThat(owed.get("reserved").decimalValue()).isEqualByComparingTo("0");
        assertThat(owed.get("outstanding").decimalValue()).isEqualByComparingTo(total);
        assertThat(owed.get("overdue").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void aPriceBelowPolicyWaitsForAManagerAndAnOverrunForFinance() {
        String cheap = "so2-" + unique;
        String below = policyPrice.subtract(BigDecimal.TEN).toPlainString();
        Api.Response submitted = order("rep-a", customer, cheap, 10, below);
        assertThat(submitted.text("status")).isEqualTo("SUBMITTED");
        assertThat(submitted.body().get("pending").get(0).asText()).isEqualTo("PRICE");
        String decision = "/api/orders/" + cheap + "/decision";
        assertRefused(403, streamOf("order:" + cheap), () -> api.post("finance", decision, Map.of("step", "PRICE",
                "decision", "APPROVE")));
        assertRefused(409, streamOf("order:" + cheap), () -> api.post("finance", decision, Map.of("step", "CREDIT",
                "decision", "APPROVE")));
        Api.Response priced = api.post("manager", decision, Map.of("step", "PRICE", "decision", "APPROVE", "note", "大客户"));
        assertThat(priced.status()).as(priced.toString()).isEqualTo(200);
        assertThat(read(cheap, priced.position()).get("status").asText()).as("within credit after the price").isEqualTo("APPROVED");

        String big = "so3-" + unique;
        Api.Response over = order("manager", customer, big, 1000, null);
        assertThat(over.body().get("pending").get(0).asText()).isEqualTo("CREDIT");
        JsonNode waiting = read(big, over.position());
        assertThat(waiting.get("waitingAt").asText()).isEqualTo("CREDIT");
        assertThat(waiting.get("steps").get(1).get("note").asText()).contains("exceeds the available credit");
        assertRefused(403, streamOf("order:" + big), () -> api.post("manager", "/api/orders/" + big + "/decision",
                Map.of("step", "CREDIT", "decision", "APPROVE")));
        Api.Response overrun = api.post("finance", "/api/orders/" + big + "/decision", Map.of("step", "CREDIT",
                "decision", "APPROVE", "note", "年底回款"));
        JsonNode approved = read(big, overrun.position());
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("overLimit").asBoolean()).isTrue();
        assertThat(credit(customer, overrun.position()).get("available").decimalValue().signum()).isNegative();

        Api.Response cancelled = api.post("rep-a", "/api/orders/" + big + "/cancel", Map.of("note", "客户改单"));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(credit(customer, cancelled.position()).get("reserved").decimalValue())
                .as("the cancelled order's reservation is free again")
                .isEqualByComparingTo(new BigDecimal(below).multiply(BigDecimal.TEN));

        String rejected = "so4-" + unique;
        order("rep-a", customer, rejected, 1000, null);
        Api.Response no = api.post("finance", "/api/orders/" + rejected + "/decision", Map.of("step", "CREDIT",
                "decision", "REJECT", "note", "超额"));
        assertThat(read(rejected, no.position()).get("status").asText()).isEqualTo("REJECTED");
        assertRefused(409, streamOf("order:" + rejected), () -> api.post("warehouse", "/api/orders/" + rejected + "/dispatch",
                null));
    }

    @Test
    void anOverdueBalanceSendsEveryNewOrderToFinance() throws Exception {
        String due = customerWithLimit("100000.00", 0);
        String first = "so5-" + unique;
        order("rep-a", due, first, 1, null);
        api.post("warehouse", "/api/orders/" + first + "/dispatch", null);
        api.post("warehouse", "/api/orders/" + first + "/deliver", null);
        Thread.sleep(5);
        Api.Response next = order("rep-a", due, "so6-" + unique, 1, null);
        assertThat(next.body().get("pending").get(0).asText()).isEqualTo("CREDIT");
        assertThat(read("so6-" + unique, next.position()).get("steps").get(1).get("note").asText()).contains("overdue");
        assertThat(credit(due, next.position()).get("overdue").decimalValue()).isEqualByComparingTo(policyPrice);
    }

    @Test
    void paymentsPayTheNamedOrderThenTheEarliestDueAndClearTheOverdueBalance() throws Exception {
        String due = customerWithLimit("100000.00", 0);
        String first = "so8-" + unique;
        order("rep-a", due, first, 10, null);
        api.post("warehouse", "/api/orders/" + first + "/dispatch", null);
        long delivered = api.post("warehouse", "/api/orders/" + first + "/deliver", null).position();
        BigDecimal total = policyPrice.multiply(BigDecimal.TEN);
        Thread.sleep(5);
        assertThat(credit(due, delivered).get("overdue").decimalValue()).isEqualByComparingTo(total);

        String payments = "/api/customers/" + due + "/payments";
        Map<String, Object> half = Map.of("paymentId", "pay1-" + unique, "amount", total.divide(BigDecimal.valueOf(2)).toPlainString(),
                "receivedAt", Instant.now().minusSeconds(60).toString(), "method", "BANK_TRANSFER", "orderId", first);
        assertRefused(403, streamOf("payment:pay1-" + unique), () -> api.post("rep-a", payments, half));
        Api.Response paid = api.post("finance", payments, half);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(api.post("finance", payments, half).status()).as("the same payment again").isEqualTo(201);
        assertThat(storedEventIds("payment:pay1-" + unique)).hasSize(1);
        JsonNode halfPaid = credit(due, paid.position());
        assertThat(halfPaid.get("outstanding").decimalValue()).isEqualByComparingTo(total.divide(BigDecimal.valueOf(2)));
        assertThat(halfPaid.get("overdue").decimalValue()).isEqualByComparingTo(total.divide(BigDecimal.valueOf(2)));

        Api.Response rest = api.post("finance", payments, Map.of("paymentId", "pay2-" + unique, "amount",
                total.toPlainString(), "receivedAt", Instant.now().minusSeconds(1).toString(), "method", "WECHAT"));
        JsonNode settled = credit(due, rest.position());
        assertThat(settled.get("overdue").decimalValue()).isEqualByComparingTo("0");
        assertThat(settled.get("outstanding").decimalValue()).as("the rest is paid in advance")
                .isEqualByComparingTo(total.divide(BigDecimal.valueOf(2)).negate());
        assertThat(api.get("rep-a", payments + "?minPosition=" + rest.position()).body().get("items")
                .findValuesAsText("paymentId")).containsExactly("pay2-" + unique, "pay1-" + unique);
        Api.Response next = order("rep-a", due, "so9-" + unique, 1, null);
        assertThat(next.text("status")).as("no overdue balance is left to hold the next order").isEqualTo("APPROVED");

        assertRefused(409, streamOf("payment:pay3-" + unique), () -> api.post("finance", payments, Map.of("paymentId",
                "pay3-" + unique, "amount", "1", "receivedAt", Instant.now().toString(), "method", "CASH", "orderId", first)));
        assertRefused(400, streamOf("payment:pay3-" + unique), () -> api.post("finance", payments, Map.of("paymentId",
                "pay3-" + unique, "amount", "1", "receivedAt", Instant.now().plusSeconds(3600).toString(), "method", "CASH")));
        assertRefused(409, streamOf("payment:pay1-" + unique), () -> api.post("finance", payments, Map.of("paymentId",
                "pay1-" + unique, "amount", "2", "receivedAt", Instant.now().toString(), "method", "CASH")));
    }

    @Test
    void ordersAreForThoseWhoWorkTheCustomer() {
        String orderId = "so7-" + unique;
        assertRefused(403, streamOf("order:" + orderId), () -> order("rep-b", customer, orderId, 1, null));
        assertRefused(404, streamOf("order:" + orderId), () -> api.post("rep-a", "/api/orders", Map.of("orderId", orderId,
                "customerId", customer, "lines", List.of(Map.of("productId", "no-such-" + unique, "quantity", 1)))));
        assertRefused(400, streamOf("order:" + orderId), () -> api.post("rep-a", "/api/orders", Map.of("orderId", orderId,
                "customerId", customer, "lines", List.of())));
        assertRefused(400, streamOf("order:" + orderId), () -> order("rep-a", customer, orderId, -1, null));
        long at = order("rep-a", customer, orderId, 1, null).position();
        assertThat(api.get("rep-b", "/api/orders/" + orderId + "?minPosition=" + at).status()).isEqualTo(403);
        assertThat(api.get("warehouse", "/api/orders/" + orderId).status()).isEqualTo(200);
        assertThat(api.get("rep-a", "/api/orders?customerId=" + customer).body().get("items").findValuesAsText("orderId"))
                .contains(orderId);
        assertThat(api.get("rep-b", "/api/orders?customerId=" + customer).body().get("items")).isEmpty();
        assertThat(api.get("rep-b", "/api/orders?repId=rep-a").status()).isEqualTo(403);
        assertThat(api.get("finance", "/api/orders?status=APPROVED&customerId=" + customer).body().get("items")
                .findValuesAsText("orderId")).contains(orderId);
        assertThat(api.get("finance", "/api/orders?status=LOST").status()).isEqualTo(400);
    }

    @Test
    void aDeliveredOrderIsADealPerProductLineCreditedToWhoOwnedTheCustomerAtDelivery() {
        String premix = "premix-" + unique;
        long added = api.post("manager", "/api/products", Map.of("productId", premix, "name", "预混料 20kg", "productLine",
                "premix", "unit", "BAG", "listPrice", "300.00", "unitCost", "210.00")).position();
        String orderId = "so-deal-" + unique;
        Api.Response submitted = api.post("rep-a", "/api/orders", Map.of("orderId", orderId, "customerId", customer,
                "lines", List.of(Map.of("productId", product, "quantity", 10),
                        Map.of("productId", premix, "quantity", 2, "unitPrice", "300.00"))));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        assertThat(submitted.text("status")).isEqualTo("APPROVED");
        assertThat(api.post("warehouse", "/api/orders/" + orderId + "/dispatch", null).status()).isEqualTo(200);
        // the customer changes hands between the order and its delivery: the delivery is the new owner's deal
        assertThat(api.post("manager", "/api/customers/" + customer + "/transfer", Map.of("toRepId", "rep-b",
                "reason", "MANUAL")).status()).isEqualTo(200);
        Api.Response delivered = api.post("rep-b", "/api/orders/" + orderId + "/deliver", null);
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);

        JsonNode deals = api.get("rep-b", "/api/customers/" + customer + "/deals?minPosition="
                + Math.max(added, delivered.position())).body();
        Map<String, JsonNode> byId = new java.util.HashMap<>();
        deals.get("items").forEach(deal -> byId.put(deal.get("dealId").asText(), deal));
        assertThat(byId).as(deals.toString()).containsOnlyKeys(orderId + ":feed", orderId + ":premix");
        JsonNode feed = byId.get(orderId + ":feed");
        assertThat(feed.get("amount").decimalValue()).isEqualByComparingTo(policyPrice.multiply(BigDecimal.TEN));
        assertThat(feed.get("margin").decimalValue()).as("no unit cost: no margin counted").isEqualByComparingTo("0");
        assertThat(feed.get("creditedRepId").asText()).isEqualTo("rep-b");
        JsonNode mix = byId.get(orderId + ":premix");
        assertThat(mix.get("amount").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(mix.get("margin").decimalValue()).isEqualByComparingTo("180.00");
        assertThat(mix.get("creditedRepId").asText()).isEqualTo("rep-b");
        JsonNode view = api.get("rep-b", "/api/customers/" + customer + "?minPosition=" + delivered.position()).body();
        assertThat(view.get("dealsLast12Months").get("amount").decimalValue())
                .isEqualByComparingTo(policyPrice.multiply(BigDecimal.TEN).add(new BigDecimal("600.00")));
    }
}
