package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Approvals, dispatches and orders racing through the real HTTP API: one winner, the rest 409 or waiting, never both. */
class OrderRaceTest extends EmbeddedLedgerTest {

    private final String unique = UUID.randomUUID().toString().substring(0, 8);
    private final String product = "race-" + unique;

    private String customerWithLimit(String limit) {
        registerRep("rep-a", 1000);
        api.post("manager", "/api/products", Map.of("productId", product, "name", "竞速料", "productLine", "feed",
                "unit", "BAG", "listPrice", "100.00"));
        String id = api.post("manager", "/api/customers", newCustomer("rep-a")).text("customerId");
        api.post("manager", "/api/customers/" + id + "/credit/requests", Map.of("requestId", "cr-" + id, "limit", limit,
                "paymentTermDays", 30, "reason", "竞速"));
        api.post("finance", "/api/credit/requests/cr-" + id + "/decision", Map.of("decision", "APPROVE"));
        return id;
    }

    private Api.Response order(String customerId, String orderId, int bags) {
        return api.post("manager", "/api/orders", Map.of("orderId", orderId, "customerId", customerId,
                "lines", List.of(Map.of("productId", product, "quantity", bags))));
    }

    @Test
    void racingDecisionsAndDispatchesHaveOneWinner() throws Exception {
        String customer = customerWithLimit("1000.00");
        String big = "big-" + unique;
        assertThat(order(customer, big, 50).body().get("pending").get(0).asText()).isEqualTo("CREDIT");
        List<Api.Response> decisions = ConcurrencyTest.race(8, i -> api.post(i % 2 == 0 ? "finance" : "admin",
                "/api/orders/" + big + "/decision", Map.of("step", "CREDIT", "decision", i % 3 == 0 ? "REJECT" : "APPROVE")));
        assertThat(decisions.stream().filter(r -> r.status() == 200)).as(decisions.toString()).hasSize(1);
        assertThat(decisions).allMatch(r -> r.status() == 200 || r.status() == 409, "only 200 or 409");
        // submitted, awaiting, and one decision (an approval also reserves: one more event)
        assertThat(storedEventIds("order:" + big)).hasSizeBetween(3, 4);

        // whichever decision won, another customer's credit is untouched by it
        String approved = "ok-" + unique;
        assertThat(order(customerWithLimit("1000.00"), approved, 1).text("status")).isEqualTo("APPROVED");
        List<Api.Response> dispatches = ConcurrencyTest.race(8, i -> api.post("warehouse",
                "/api/orders/" + approved + "/dispatch", Map.of("waybill", "SF" + i)));
        assertThat(dispatches.stream().filter(r -> r.status() == 200)).as(dispatches.toString()).hasSize(1);
        assertThat(dispatches.stream().filter(r -> r.status() == 409)).hasSize(7);
        // the refusal says the order's state under a name of its own, not as a second "status" member
        Api.Response late = dispatches.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(late.body().get("status").asInt()).isEqualTo(409);
        assertThat(late.text("orderStatus")).isEqualTo("DISPATCHED");
        assertThat(storedEventIds("order:" + approved)).as("submitted, approved, dispatched once").hasSize(3);
    }

    @Test
    void racingOrdersCannotSpendTheSameCreditTwice() throws Exception {
        String customer = customerWithLimit("1000.00");
        List<Api.Response> orders = ConcurrencyTest.race(8, i -> order(customer, "spend-" + i + "-" + unique, 6));
        assertThat(orders).allMatch(r -> r.status() == 201, "every order is taken");
        // 600 each against 1,000: exactly one fits; the others wait for finance
        assertThat(orders.stream().filter(r -> "APPROVED".equals(r.text("status")))).as(orders.toString()).hasSize(1);
        assertThat(orders.stream().filter(r -> "SUBMITTED".equals(r.text("status")))).hasSize(7);
        long at = orders.stream().mapToLong(Api.Response::position).max().orElseThrow();
        assertThat(api.get("finance", "/api/customers/" + customer + "/credit?minPosition=" + at).body().get("reserved")
                .decimalValue()).isEqualByComparingTo("600.00");
    }
}
