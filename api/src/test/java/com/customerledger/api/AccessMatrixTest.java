package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what, as one table: every HTTP endpoint of the ledger against every kind of caller,
 * with the status each must get. Each cell runs as its own test. A refused caller (401/403) gets a
 * problem document, never learns who owns the customer, and appends nothing to the event store; an
 * allowed write appends. Where a real success would change the shared ledger for other tests, the
 * allowed caller sends a request that passes the access check and is then refused for a reason of
 * its own (noted in the row), which appends nothing either.
 */
class AccessMatrixTest extends EmbeddedLedgerTest {

    /** The callers, in the order of the table's columns. */
    enum Caller {
        ANONYMOUS(null, "anonymous"),
        OWNER("r46", "owner REP"),
        EDITOR("r47", "EDITOR collaborator REP"),
        VIEWER("r48", "VIEWER collaborator REP"),
        OTHER_REP("r49", "other REP"),
        MANAGER("manager", "MANAGER"),
        AUDITOR("auditor", "AUDITOR"),
        ADMIN("admin", "ADMIN"),
        FINANCE("finance", "FINANCE"),
        WAREHOUSE("warehouse", "WAREHOUSE"),
        /** Acts as customer c-dealer-a, which none of the rows' customers is: it reaches only what everyone may read. */
        DEALER("dealer-a", "DEALER"),
        /** Acts as expert agro-a: the matrix's tickets are assigned to it. */
        AGRONOMIST("agro-a", "AGRONOMIST");

        final String user;
        final String label;

        Caller(String user, String label) {
            this.user = user;
            this.label = label;
        }
    }

    /** A rep who is not a caller: earlier owner of the customer whose transfer gets reversed. */
    private static final String FORMER_OWNER = "r45";
    private static final String HELPER_REP = "am-helper";

    private enum Kind { READ, WRITE }

    private record Request(String method, String path, Object body) {
    }

    /** One line of the table: the endpoint as its controller maps it, how to call it, and the status per caller. */
    /**
     * One endpoint and the status each caller gets, in the order of {@link Caller}. A row of the eight core
     * callers leaves FINANCE, WAREHOUSE, DEALER and AGRONOMIST out (as a ten leaves DEALER and
     * AGRONOMIST out): they get 403 there, as they act only where a row names them.
     */
    private record Row(String endpoint, Kind kind, BiFunction<Fixture, Caller, Request> request, int[] statuses) {

        int expected(Caller caller) {
            return caller.ordinal() < statuses.length ? statuses[caller.ordinal()] : 403;
        }
    }

    private static Row read(String endpoint, BiFunction<Fixture, Caller, Request> request, int... expected) {
        return new Row(endpoint, Kind.READ, request, expected);
    }

    private static Row write(String endpoint, BiFunction<Fixture, Caller, Request> request, int... expected) {
        return new Row(endpoint, Kind.WRITE, request, expected);
    }

    private static Request get(String path) {
        return new Request("GET", path, null);
    }

    private static Request post(String path, Object body) {
        return new Request("POST", path, body);
    }

    private static Request put(String path, Object body) {
        return new Request("PUT", path, body);
    }

    private static final Instant NOW = Instant.now();
    private static final String PERIOD = "from=" + NOW.minus(Duration.ofDays(1)) + "&to=" + NOW.plus(Duration.ofDays(1));

    /**
     * The matrix. Columns: anonymous, owner REP, EDITOR REP, VIEWER REP, other REP, MANAGER, AUDITOR, ADMIN.
     * {@code f.customer} is owned by the owner REP, shared with the EDITOR and the VIEWER; writes that
     * change ownership or roles get a fresh customer of the same shape per cell, so every allowed
     * caller can succeed.
     */
    private static final List<Row> MATRIX = List.of(
            //                                                                                                                    anon own  edit view oth  mgr  aud  adm
            write("POST /api/reps", (f, c) -> post("/api/reps", f.repBody(f.unique("am-new-rep"))),                                401, 403, 403, 403, 403, 403, 403, 201),
            read("GET /api/reps", (f, c) -> get("/api/reps"),                                                                     401, 200, 200, 200, 200, 200, 200, 200),
            read("GET /api/reps/{repId}", (f, c) -> get("/api/reps/" + Caller.OWNER.user),                                        401, 200, 200, 200, 200, 200, 200, 200),
            write("PUT /api/reps/{repId}/territory", (f, c) -> put("/api/reps/" + f.repToChange() + "/territory", Map.of(
                    "regions", List.of(Map.of("province", "山东省")), "productLines", List.of("feed"),
                    "customerTypes", List.of("FARM"), "capacity", 20)),                                                           401, 403, 403, 403, 403, 200, 403, 200),
            write("PUT /api/reps/{repId}/status", (f, c) -> put("/api/reps/" + f.repToChange() + "/status",
                    Map.of("status", "ON_LEAVE", "reason", "休假")),                                                               401, 403, 403, 403, 403, 200, 403, 200),
            read("GET /api/reps/{repId}/portfolio", (f, c) -> get("/api/reps/" + Caller.OWNER.user + "/portfolio"),              401, 200, 403, 403, 403, 200, 200, 200),
            read("GET /api/reps/{repId}/portfolio?asOf", (f, c) -> get("/api/reps/" + Caller.OWNER.user + "/portfolio?asOf=" + NOW),
                                                                                                                                  401, 200, 403, 403, 403, 200, 200, 200),
            read("GET /api/reps/{repId}/portfolio?knownAt", (f, c) -> get("/api/reps/" + Caller.OWNER.user + "/portfolio?knownAt=" + NOW),
                                                                                                                                  401, 200, 403, 403, 403, 200, 200, 200),
            // 202 starts a batch over a rep's (empty) book; the cell waits for it to complete
            write("POST /api/reps/{repId}/departure", (f, c) -> post("/api/reps/" + f.repToChange() + "/departure",
                    Map.of("reason", "离职")),                                                                                      401, 403, 403, 403, 403, 202, 403, 202),

            write("POST /api/customers", (f, c) -> post("/api/customers", f.customerBody(c)),                                     401, 201, 201, 201, 201, 201, 403, 201),
            read("GET /api/customers", (f, c) -> get("/api/customers?q=" + f.customerName()),                                    401, 200, 200, 200, 200, 200, 200, 200, 200, 403),
            read("GET /api/customers/{customerId}", (f, c) -> get("/api/customers/" + f.customer),                                401, 200, 200, 200, 403, 200, 200, 200, 200, 403),
            write("PATCH /api/customers/{customerId}", (f, c) -> new Request("PATCH", "/api/customers/" + f.customer,
                    Map.of("address", f.unique("寿光市文圣街"))),                                                                    401, 200, 200, 403, 403, 200, 403, 200),
            // each cell claims a pool customer of its own
            write("POST /api/customers/{customerId}/claim", (f, c) -> post("/api/customers/" + f.poolCustomer() + "/claim", null),
                                                                                                                                  401, 200, 200, 200, 200, 403, 403, 403),
            write("POST /api/customers/{customerId}/transfer", (f, c) -> post("/api/customers/" + f.customerToChange() + "/transfer",
                    Map.of("toRepId", FORMER_OWNER, "reason", "MANUAL", "note", "访问矩阵")),                                        401, 403, 403, 403, 403, 200, 403, 200),
            write("POST /api/customers/{customerId}/release", (f, c) -> post("/api/customers/" + f.customerToChange() + "/release",
                    Map.of("reason", "客户停业")),                                                                                   401, 200, 403, 403, 403, 200, 403, 200),
            write("POST /api/customers/{customerId}/collaborators", (f, c) -> post("/api/customers/" + f.customerToChange()
                    + "/collaborators", Map.of("repId", HELPER_REP, "role", "VIEWER")),                                              401, 200, 403, 403, 403, 200, 403, 200),
            write("DELETE /api/customers/{customerId}/collaborators/{repId}", (f, c) -> new Request("DELETE",
                    "/api/customers/" + f.customerToChange() + "/collaborators/" + Caller.VIEWER.user, null),                        401, 200, 403, 403, 403, 200, 403, 200),
            write("POST /api/customers/{customerId}/grade", (f, c) -> post("/api/customers/" + f.customerToChange() + "/grade",
                    Map.of("grade", "A", "reason", "年度大客户")),                                                                  401, 403, 403, 403, 403, 200, 403, 200),
            write("POST /api/customers/{customerId}/ownership/reversals", (f, c) -> {
                Fixture.Reversible target = f.reversibleCustomer();
                return post("/api/customers/" + target.customerId() + "/ownership/reversals",
                        Map.of("eventId", target.eventId(), "reason", "转错了"));
            },                                                                                                                    401, 403, 403, 403, 403, 200, 403, 200),
            // README: visits by the owner or an EDITOR collaborator, anyone else 403 (managers and admins too)
            write("POST /api/customers/{customerId}/visits", (f, c) -> post("/api/customers/" + f.customer + "/visits", Map.of(
                    "visitId", f.unique("am-visit"), "visitedAt", NOW.minus(Duration.ofHours(1)).toString(),
                    "channel", "ON_SITE", "notes", "看了猪舍")),                                                                     401, 201, 201, 403, 403, 403, 403, 403),
            read("GET /api/customers/{customerId}/visits", (f, c) -> get("/api/customers/" + f.customer + "/visits"),            401, 200, 200, 200, 403, 200, 200, 200),
            write("POST /api/customers/{customerId}/deals", (f, c) -> post("/api/customers/" + f.customer + "/deals", Map.of(
                    "dealId", f.unique("am-deal"), "productLine", "feed", "amount", "1200.00", "margin", "150.00",
                    "closedAt", Instant.now().toString())),                                                                                                                           401, 201, 201, 403, 403, 201, 403, 201),
            read("GET /api/customers/{customerId}/deals", (f, c) -> get("/api/customers/" + f.customer + "/deals"),              401, 200, 200, 200, 403, 200, 200, 200, 200, 403),
            read("GET /api/customers/{customerId}/opportunities", (f, c) -> get("/api/customers/" + f.customer + "/opportunities"),
                                                                                                                                  401, 200, 200, 200, 403, 200, 200, 200),
            read("GET /api/customers/{customerId}/ownership", (f, c) -> get("/api/customers/" + f.customer + "/ownership?asOf="
                    + NOW + "&knownAt=" + NOW),                                                                                  401, 200, 200, 200, 403, 200, 200, 200),

            // 202 starts a batch over a rep's (empty) book; the cell waits for it to complete
            write("POST /api/transfers", (f, c) -> post("/api/transfers", Map.of("fromRepId", f.repToChange(), "toRepId", HELPER_REP,
                    "reason", "REBALANCE")),                                                                                      401, 403, 403, 403, 403, 202, 403, 202),
            read("GET /api/transfers", (f, c) -> get("/api/transfers"),                                                           401, 403, 403, 403, 403, 200, 200, 200),
            read("GET /api/transfers/{batchId}", (f, c) -> get("/api/transfers/" + f.batchId),                                   401, 403, 403, 403, 403, 200, 200, 200),

            write("POST /api/opportunities", (f, c) -> post("/api/opportunities", Map.of("opportunityId", f.unique("am-opp"),
                    "customerId", f.customer, "productLine", "feed", "expectedValue", 5000)),                                    401, 201, 201, 403, 403, 201, 403, 201),
            read("GET /api/opportunities/{opportunityId}", (f, c) -> get("/api/opportunities/" + f.sharedOpportunity),        401, 200, 200, 200, 403, 200, 200, 200),
            write("POST /api/opportunities/{opportunityId}/stage", (f, c) -> post("/api/opportunities/" + f.opportunity()
                    + "/stage", Map.of("stage", "VISITED")),                                                                      401, 200, 200, 403, 403, 200, 403, 200),
            write("POST /api/opportunities/{opportunityId}/won", (f, c) -> post("/api/opportunities/" + f.opportunity() + "/won",
                    Map.of("amount", 4800)),                                                                                      401, 200, 200, 403, 403, 200, 403, 200),
            write("POST /api/opportunities/{opportunityId}/lost", (f, c) -> post("/api/opportunities/" + f.opportunity() + "/lost",
                    Map.of("reason", "价格太高")),                                                                                  401, 200, 200, 403, 403, 200, 403, 200),
            // a rep sees their own funnel; naming another rep is 403
            read("GET /api/funnel", (f, c) -> get("/api/funnel?" + PERIOD),                                                      401, 200, 200, 200, 200, 200, 200, 200),
            read("GET /api/funnel?repId", (f, c) -> get("/api/funnel?" + PERIOD + "&repId=" + Caller.OWNER.user),                401, 200, 403, 403, 403, 200, 200, 200),
            read("GET /api/analytics/customers-by-region", (f, c) -> get("/api/analytics/customers-by-region"),                  401, 403, 403, 403, 403, 200, 200, 200),
            read("GET /api/analytics/leaderboard", (f, c) -> get("/api/analytics/leaderboard?" + PERIOD),                        401, 403, 403, 403, 403, 200, 200, 200),
            write("POST /api/customers/{customerId}/sell-through", (f, c) -> post("/api/customers/" + f.customer + "/sell-through",
                    Map.of("reportId", f.unique("am-st"), "period", "2026-11", "lines", List.of(Map.of("productId", f.product,
                            "quantity", 1, "amount", "10.00")))),                                                          401, 201, 403, 403, 403, 201, 403, 201),
            read("GET /api/customers/{customerId}/sell-through", (f, c) -> get("/api/customers/" + f.customer + "/sell-through?period=2026-11"),
                                                                                                                                  401, 200, 200, 200, 403, 200, 200, 200, 200, 403),
            read("GET /api/customers/{customerId}/next-purchase", (f, c) -> get("/api/customers/" + f.customer + "/next-purchase"),
                                                                                                                                  401, 200, 200, 200, 403, 200, 200, 200),
            read("GET /api/analytics/sales", (f, c) -> get("/api/analytics/sales?" + PERIOD),                                   401, 403, 403, 403, 403, 200, 200, 200, 200, 403),
            // a rep reads the forecast of their own opportunities (the default)
            read("GET /api/forecast", (f, c) -> get("/api/forecast"),                                                           401, 200, 200, 200, 200, 200, 200, 200),
            write("POST /api/webhooks", (f, c) -> post("/api/webhooks", Map.of("webhookId", f.unique("am-hook"), "url",
                    "http://127.0.0.1:9/never", "eventTypes", List.of("RepRegisteredEvent"), "secret", "0123456789abcdef")),
                                                                                                                                  401, 403, 403, 403, 403, 403, 403, 201),
            read("GET /api/inbox", (f, c) -> get("/api/inbox?done=true&kind=REVIEW"),                                           401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
            // nobody has an item of this id: the own inbox's answer, never another's
            write("POST /api/inbox/{inboxItemId}/done", (f, c) -> post("/api/inbox/am-no-such-item/done", null),                 401, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
            write("POST /api/samples/{sampleId}/dispatch", (f, c) -> post("/api/samples/am-no-such-sample/dispatch", Map.of()),   401, 403, 403, 403, 403, 403, 403, 404, 403, 404, 403, 403),
            read("GET /api/webhooks", (f, c) -> get("/api/webhooks"),                                                           401, 403, 403, 403, 403, 403, 403, 200),
            // the admin passes the access check; there is no such webhook (404)
            write("DELETE /api/webhooks/{webhookId}", (f, c) -> new Request("DELETE", "/api/webhooks/am-no-such-hook", null),
                                                                                                                                  401, 403, 403, 403, 403, 403, 403, 404),
            read("GET /api/webhooks/{webhookId}/deliveries", (f, c) -> get("/api/webhooks/am-no-such-hook/deliveries"),         401, 403, 403, 403, 403, 403, 403, 404),
            // publishes no programs: the shared ledger's rebates stay as they were (none)
            write("PUT /api/policies/rebates", (f, c) -> put("/api/policies/rebates", Map.of("programs", List.of())),          401, 403, 403, 403, 403, 403, 403, 200),
            read("GET /api/policies/rebates", (f, c) -> get("/api/policies/rebates"),                                          401, 403, 403, 403, 403, 200, 200, 200, 200, 403),
            read("GET /api/customers/{customerId}/rebates", (f, c) -> get("/api/customers/" + f.customer + "/rebates?period=2026-Q4"),
                                                                                                                                  401, 200, 200, 200, 403, 200, 200, 200, 200, 403),
            // finance and the admin pass the access check; with no program in the policy there is nothing to settle (404)
            write("POST /api/rebates/settlements", (f, c) -> post("/api/rebates/settlements", Map.of("customerId", f.customer,
                    "programId", "am-program", "period", "2026-Q3")),                                                          401, 403, 403, 403, 403, 403, 403, 404, 404, 403),
            // each allowed cell sets another amount, so it appends
            write("PUT /api/targets", (f, c) -> put("/api/targets", Map.of("period", "2026-11", "repId", Caller.OWNER.user,
                    "amount", String.valueOf(System.nanoTime() % 100_000_000))),                                            401, 403, 403, 403, 403, 200, 403, 200),
            read("GET /api/targets", (f, c) -> get("/api/targets?period=2026-11"),                                              401, 200, 200, 200, 200, 200, 200, 200, 200, 403),
            // a rep reads their own customers' (the default), finance everyone's
            read("GET /api/analytics/receivables", (f, c) -> get("/api/analytics/receivables"),                                   401, 200, 200, 200, 200, 200, 200, 200, 200, 403),
            read("GET /api/analytics/grades", (f, c) -> get("/api/analytics/grades?by=region"),                                  401, 403, 403, 403, 403, 200, 200, 200),

            read("GET /api/policies/assignment", (f, c) -> get("/api/policies/assignment"),                                      401, 403, 403, 403, 403, 200, 200, 200),
            read("GET /api/policies/assignment/versions", (f, c) -> get("/api/policies/assignment/versions"),                    401, 403, 403, 403, 403, 200, 200, 200),
            // publishes the rules in force again: a new version that assigns exactly as before
            write("PUT /api/policies/assignment", (f, c) -> put("/api/policies/assignment", f.currentAssignmentRules()),         401, 403, 403, 403, 403, 403, 403, 200),
            // a what-if: appends nothing even when allowed
            read("POST /api/policies/assignment/preview", (f, c) -> post("/api/policies/assignment/preview?limit=0",
                    Map.of("rules", List.of())),                                                                                  401, 403, 403, 403, 403, 403, 403, 200),
            read("GET /api/policies/grading", (f, c) -> get("/api/policies/grading"),                                            401, 403, 403, 403, 403, 200, 200, 200),
            // publishes the thresholds in force again (or, with none yet, a first set)
            write("PUT /api/policies/grading", (f, c) -> put("/api/policies/grading", f.currentGradingPolicy()),                 401, 403, 403, 403, 403, 403, 403, 200),
            // a real recompute would regrade every customer of the shared ledger: the admin's malformed
            // flag passes the access check and is refused as a bad parameter (400), running nothing
            write("POST /api/policies/grading/recompute", (f, c) -> post("/api/policies/grading/recompute?includeManual=perhaps",
                    null),                                                                                                        401, 403, 403, 403, 403, 403, 403, 400),
            read("GET /api/policies/pool", (f, c) -> get("/api/policies/pool"),                                                  401, 403, 403, 403, 403, 200, 200, 200),
            // a pool policy would start release deadlines for every customer of the shared ledger: the admin's
            // body passes the access check and is refused by the policy's own rule (reminder not before release, 400)
            write("PUT /api/policies/pool", (f, c) -> put("/api/policies/pool", Map.of("daysWithoutVisit", 30,
                    "daysWithoutDeal", 90, "reminderDaysBefore", 30)),                                                            401, 403, 403, 403, 403, 403, 403, 400),
            read("GET /api/policies/reminders", (f, c) -> get("/api/policies/reminders"),                                        401, 403, 403, 403, 403, 200, 200, 200),
            // no birthdays, no campaigns: the shared ledger's reps get no notices from it
            write("PUT /api/policies/reminders", (f, c) -> put("/api/policies/reminders", Map.of("campaigns", List.of())),          401, 403, 403, 403, 403, 403, 403, 200),
            read("GET /api/policies/pricing", (f, c) -> get("/api/policies/pricing"),                                            401, 403, 403, 403, 403, 200, 200, 200),
            // publishes the pricing rules in force again: a new version that prices exactly as before
            write("PUT /api/policies/pricing", (f, c) -> put("/api/policies/pricing", f.currentPricingRules()),                 401, 403, 403, 403, 403, 403, 403, 200),
            write("POST /api/products", (f, c) -> post("/api/products", Map.of("productId", f.unique("am-product"), "name",
                    "蛋鸡预混料 20kg", "productLine", "premix", "unit", "BAG", "listPrice", "240.00")),                            401, 403, 403, 403, 403, 201, 403, 201),
            read("GET /api/products", (f, c) -> get("/api/products?productLine=premix"),                                          401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
            read("GET /api/products/{productId}", (f, c) -> get("/api/products/" + f.product),                                   401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
            // a price tells the customer's grade and type: for whoever may read the customer
            read("GET /api/prices", (f, c) -> get("/api/prices?customerId=" + f.customer + "&productId=" + f.product),           401, 200, 200, 200, 403, 200, 200, 200, 200, 403),
            // README: the owner, a manager or an admin asks; finance decides, never the one who asked (the manager here)
            write("POST /api/customers/{customerId}/credit/requests", (f, c) -> post("/api/customers/" + f.customer
                    + "/credit/requests", Map.of("requestId", f.unique("am-credit"), "limit", "50000.00", "paymentTermDays", 30,
                    "reason", "春季备货")),                                                                                        401, 201, 403, 403, 403, 201, 403, 201, 403, 403),
            write("POST /api/credit/requests/{requestId}/decision", (f, c) -> post("/api/credit/requests/" + f.pendingCreditRequest()
                    + "/decision", Map.of("decision", "APPROVE", "note", "同意")),                                                 401, 403, 403, 403, 403, 403, 403, 200, 200, 403),
            read("GET /api/customers/{customerId}/credit", (f, c) -> get("/api/customers/" + f.customer + "/credit"),            401, 200, 200, 200, 403, 200, 200, 200, 200, 403),
            read("GET /api/credit/requests", (f, c) -> get("/api/credit/requests?status=PENDING"),                               401, 403, 403, 403, 403, 200, 200, 200, 200, 403),
            read("GET /api/credit/requests/{requestId}", (f, c) -> get("/api/credit/requests/" + f.sharedCreditRequest),         401, 403, 403, 403, 403, 200, 200, 200, 200, 403),
            write("POST /api/orders", (f, c) -> post("/api/orders", f.orderBody(f.unique("am-order"))),                       401, 201, 201, 403, 403, 201, 403, 201, 403, 403),
            // the order waits at CREDIT (far above any limit): finance and the admin decide it, a manager only PRICE
            write("POST /api/orders/{orderId}/decision", (f, c) -> post("/api/orders/" + f.orderWaitingForCredit() + "/decision",
                    Map.of("step", "CREDIT", "decision", "APPROVE")),                                                             401, 403, 403, 403, 403, 403, 403, 200, 200, 403),
            write("POST /api/orders/{orderId}/dispatch", (f, c) -> post("/api/orders/" + f.approvedOrder() + "/dispatch",
                    Map.of("waybill", "SF100")),                                                                                  401, 403, 403, 403, 403, 403, 403, 200, 403, 200),
            write("POST /api/orders/{orderId}/deliver", (f, c) -> post("/api/orders/" + f.dispatchedOrder() + "/deliver", null), 401, 200, 403, 403, 403, 200, 403, 200, 403, 200),
            write("POST /api/orders/{orderId}/cancel", (f, c) -> post("/api/orders/" + f.orderWaitingForCredit() + "/cancel", null),
                                                                                                                                  401, 200, 200, 403, 403, 200, 403, 200, 403, 403),
            write("POST /api/customers/{customerId}/payments", (f, c) -> post("/api/customers/" + f.customer + "/payments",
                    Map.of("paymentId", f.unique("am-pay"), "amount", "100.00", "receivedAt", NOW.minusSeconds(60).toString(),
                            "method", "BANK_TRANSFER")),                                                                  401, 403, 403, 403, 403, 403, 403, 201, 201, 403),
            read("GET /api/customers/{customerId}/payments", (f, c) -> get("/api/customers/" + f.customer + "/payments"),        401, 200, 200, 200, 403, 200, 200, 200, 200, 403),
            read("GET /api/orders/{orderId}", (f, c) -> get("/api/orders/" + f.sharedOrder),                                    401, 200, 200, 200, 403, 200, 200, 200, 200, 200),
            read("GET /api/orders", (f, c) -> get("/api/orders?customerId=" + f.customer),                                      401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
            // README: experts registered by admins; tickets opened by the customer's side, worked by their expert
            write("POST /api/experts", (f, c) -> post("/api/experts", Map.of("expertId", f.unique("am-expert"), "name", "矩阵专家",
                    "regions", List.of(Map.of("province", "矩阵省")), "capacity", 5)),                                          401, 403, 403, 403, 403, 403, 403, 201),
            read("GET /api/experts", (f, c) -> get("/api/experts"),                                                              401, 403, 403, 403, 403, 200, 200, 200, 403, 403, 403, 200),
            write("POST /api/articles", (f, c) -> post("/api/articles", Map.of("articleId", f.unique("am-article"), "title",
                    "矩阵文章", "body", "正文", "crops", List.of("番茄"))),                                                        401, 403, 403, 403, 403, 201, 403, 201, 403, 403, 403, 201),
            read("GET /api/articles", (f, c) -> get("/api/articles?q=matrix&crop=tomato"),                                      401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
            read("GET /api/policies/service", (f, c) -> get("/api/policies/service"),                                            401, 403, 403, 403, 403, 200, 200, 200),
            // the days-long deadlines TicketApiTest sets too: nothing of the shared ledger comes due during a run
            write("PUT /api/policies/service", (f, c) -> put("/api/policies/service", TicketApiTest.LONG_POLICY),               401, 403, 403, 403, 403, 403, 403, 200),
            write("POST /api/tickets", (f, c) -> post("/api/tickets", f.ticketBody(f.unique("am-ticket"))),                   401, 201, 201, 403, 403, 201, 403, 201, 403, 403, 403, 403),
            // a rep lists the tickets of the customers it may see, an expert its own, a dealer its own customer's
            read("GET /api/tickets", (f, c) -> get("/api/tickets?status=ASSIGNED"),                                             401, 200, 200, 200, 200, 200, 200, 200, 403, 403, 200, 200),
            read("GET /api/tickets/{ticketId}", (f, c) -> get("/api/tickets/" + f.sharedTicket()),                               401, 200, 200, 200, 403, 200, 200, 200, 403, 403, 403, 200),
            write("POST /api/tickets/{ticketId}/responses", (f, c) -> post("/api/tickets/" + f.assignedTicket() + "/responses",
                    Map.of("note", "矩阵回复")),                                                                                    401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200),
            write("POST /api/tickets/{ticketId}/resolve", (f, c) -> post("/api/tickets/" + f.ticketInProgress() + "/resolve",
                    Map.of("resolution", "矩阵解决")),                                                                              401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200),
            write("POST /api/tickets/{ticketId}/close", (f, c) -> post("/api/tickets/" + f.resolvedTicket() + "/close",
                    Map.of("satisfaction", 5)),                                                                                   401, 200, 200, 403, 403, 200, 403, 200, 403, 403, 403, 403),
            write("POST /api/tickets/{ticketId}/reopen", (f, c) -> post("/api/tickets/" + f.resolvedTicket() + "/reopen",
                    Map.of("reason", "矩阵重开")),                                                                                  401, 200, 200, 403, 403, 200, 403, 200, 403, 403, 403, 403),
            write("POST /api/tickets/{ticketId}/reassign", (f, c) -> post("/api/tickets/" + f.assignedTicket() + "/reassign",
                    Map.of("expertId", "agro-b")),                                                                                401, 403, 403, 403, 403, 200, 403, 200),
            read("GET /api/pool", (f, c) -> get("/api/pool"),                                                                    401, 200, 200, 200, 200, 200, 200, 200),

            read("GET /api/audit/verify", (f, c) -> get("/api/audit/verify"),                                                    401, 403, 403, 403, 403, 403, 200, 200),
            read("GET /api/audit/events", (f, c) -> get("/api/audit/events?customerId=" + f.customer),                          401, 403, 403, 403, 403, 403, 200, 200),
            read("GET /api/audit/transfers", (f, c) -> get("/api/audit/transfers?" + PERIOD + "&customerId=" + f.customer),      401, 403, 403, 403, 403, 403, 200, 200),
            read("GET /api/audit/transfers?format=csv", (f, c) -> get("/api/audit/transfers?" + PERIOD + "&format=csv"
                    + "&customerId=" + f.customer),                                                                              401, 403, 403, 403, 403, 403, 200, 200),

            read("GET /api/admin/projections", (f, c) -> get("/api/admin/projections"),                                          401, 403, 403, 403, 403, 403, 403, 200),
            // a real replay would stall the shared ledger's reads: the admin names no projection (404), replaying nothing
            write("POST /api/admin/projections/{name}/replay", (f, c) -> post("/api/admin/projections/no-such-view/replay", null),
                                                                                                                                  401, 403, 403, 403, 403, 403, 403, 404),
            read("GET /api/admin/projections/{name}/parked", (f, c) -> get("/api/admin/projections/customer-view/parked"),      401, 403, 403, 403, 403, 403, 403, 200),
            // retrying an empty queue appends nothing (a retry never does); skipping an event that is not parked is 404
            read("POST /api/admin/projections/{name}/parked/retry", (f, c) -> post("/api/admin/projections/customer-view/parked/retry", null),
                                                                                                                                  401, 403, 403, 403, 403, 403, 403, 200),
            write("POST /api/admin/projections/{name}/parked/{eventId}/skip", (f, c) -> post(
                    "/api/admin/projections/customer-view/parked/not-parked/skip", Map.of("reason", "矩阵")),               401, 403, 403, 403, 403, 403, 403, 404),

            // an allowed caller's JSON body is refused as not a multipart upload (415), importing nothing
            write("POST /api/imports/customers", (f, c) -> post("/api/imports/customers", Map.of("file", "客户.csv")),
                                                                                                                                  401, 403, 403, 403, 403, 415, 403, 415),
            read("GET /api/exports/customers", (f, c) -> get("/api/exports/customers?format=csv&q=" + f.customerName()),      401, 403, 403, 403, 403, 200, 403, 200),
            read("GET /api/imports/{importId}", (f, c) -> get("/api/imports/" + f.dryRunImport()),                              401, 403, 403, 403, 403, 200, 403, 200),

            read("GET /actuator/health", (f, c) -> get("/actuator/health"),                                                      200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
            read("GET /actuator/prometheus", (f, c) -> get("/actuator/prometheus"),                                              200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
            read("GET /v3/api-docs", (f, c) -> get("/v3/api-docs"),                                                              200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @TestFactory
    Stream<DynamicTest> everyCallerGetsTheStatusOfTheMatrix() {
        Fixture fixture = new Fixture();
        return MATRIX.stream().flatMap(row -> Arrays.stream(Caller.values()).map(caller -> DynamicTest.dynamicTest(
                row.endpoint() + " as " + caller.label + " → " + row.expected(caller),
                () -> cell(fixture, row, caller))));
    }

    /** The table names every API endpoint the controllers map, and nothing they do not (the console's pages: ConsolePagesTest). */
    @Test
    void theMatrixCoversEveryEndpoint() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("com.customerledger")) {
                for (String pattern : info.getPatternValues().stream().filter(path -> path.startsWith("/api/")).toList()) {
                    info.getMethodsCondition().getMethods().forEach(method -> mapped.add(method.name() + " " + pattern));
                }
            }
        });
        Set<String> inMatrix = MATRIX.stream().map(row -> row.endpoint().replaceAll("\\?.*", ""))
                .filter(endpoint -> endpoint.contains(" /api/")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(inMatrix).isEqualTo(mapped);
    }

    private void cell(Fixture fixture, Row row, Caller caller) {
        int expected = row.expected(caller);
        fixture.expectSuccess(expected < 300);
        Request request = row.request().apply(fixture, caller);
        long headBefore = fixture.head();
        Api.Response response = api.send(caller.user, request.method(), request.path(), request.body());
        String described = request.method() + " " + request.path() + " as " + caller.label + " → " + response;

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(response.status()).as(described).isEqualTo(expected);
        if (response.status() >= 400) {
            softly.assertThat(response.contentType()).as("problem document: " + described).startsWith("application/problem+json");
            softly.assertThat(response.text("type")).as("problem type: " + described).startsWith("urn:customer-ledger:problem:");
            softly.assertThat(response.body().path("status").asInt()).as("problem status: " + described)
                    .isEqualTo(response.status());
        }
        if (response.status() == 403) {
            softly.assertThat(response.body().has("currentOwnerRepId")).as("a 403 names no owner: " + described).isFalse();
            if (!request.path().contains(Caller.OWNER.user)) {
                softly.assertThat(response.raw().body()).as("a 403 mentions no owner: " + described)
                        .doesNotContain(Caller.OWNER.user);
            }
        }
        if (response.status() == 202) {
            fixture.awaitBatch(response.text("batchId"));
        }
        long headAfter = fixture.head();
        boolean success = response.status() >= 200 && response.status() < 300;
        if (row.kind() == Kind.WRITE && success) {
            softly.assertThat(headAfter).as("an accepted write appends: " + described).isGreaterThan(headBefore);
        } else {
            softly.assertThat(headAfter).as("appends nothing: " + described).isEqualTo(headBefore);
        }
        softly.assertAll();
    }

    /**
     * The customers, reps and other targets of the matrix. A cell expected to succeed uses its target up
     * (claims it, departs the rep, closes the opportunity), so it gets one of its own; a cell expected to
     * be refused aims at a shared one of the same shape, which stays as it is.
     */
    private final class Fixture {

        private final String run = Long.toString(System.nanoTime(), 36);
        private final AtomicInteger serial = new AtomicInteger();
        final String customer;
        final String batchId;
        final String sharedOpportunity;
        final String product;
        final String sharedCreditRequest;
        final String sharedOrder;
        private final String customerName;
        private boolean fresh = true;
        private final Map<String, Object> shared = new HashMap<>();

        Fixture() {
            for (Caller caller : List.of(Caller.OWNER, Caller.EDITOR, Caller.VIEWER, Caller.OTHER_REP)) {
                registerRep(caller.user, 100);
            }
            registerRep(FORMER_OWNER, 100);
            registerRep(HELPER_REP, 1000);
            Map<String, Object> body = newCustomer(Caller.OWNER.user);
            customerName = body.get("name").toString();
            body.put("customerId", unique("am-customer"));
            customer = created(api.post("manager", "/api/customers", body)).text("customerId");
            shareWithEditorAndViewer(customer);
            Api.Response batch = created(api.post("manager", "/api/transfers", Map.of("fromRepId", newRep(),
                    "toRepId", HELPER_REP, "reason", "REBALANCE")));
            batchId = batch.text("batchId");
            awaitBatch(batchId);
            sharedOpportunity = newOpportunity();
            sharedCreditRequest = askForCredit();
            product = created(api.post("manager", "/api/products", Map.of("productId", unique("am-product"), "name",
                    "猪用生长料 40kg", "productLine", "feed", "unit", "BAG", "listPrice", "168.00"))).text("productId");
            sharedOrder = newOrderWaitingForCredit();
            // reads by the collaborators need the projections to know the roles
            Api.Response visible = api.get("admin", "/api/customers/" + customer + "?minPosition=" + head());
            assertThat(visible.status()).as(visible.toString()).isEqualTo(200);
        }

        private String dryRunImport;

        /** A dry run of a one-row sheet: an import job to read that imports (and appends) nothing. */
        String dryRunImport() {
            if (dryRunImport == null) {
                Api.Response started = api.upload("manager", "/api/imports/customers?dryRun=true", "矩阵.csv",
                        ("客户名称,客户类型,省份\n矩阵养殖场" + run + ",养殖场,山东省\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                assertThat(started.status()).as(started.toString()).isEqualTo(202);
                dryRunImport = started.text("importId");
            }
            return dryRunImport;
        }

        void expectSuccess(boolean success) {
            fresh = success;
        }

        /** A new target when the cell will use it up, else the shared one of that kind. */
        @SuppressWarnings("unchecked")
        private <T> T target(String kind, java.util.function.Supplier<T> make) {
            return fresh ? make.get() : (T) shared.computeIfAbsent(kind, k -> make.get());
        }

        String unique(String prefix) {
            return prefix + "-" + run + "-" + serial.incrementAndGet();
        }

        String customerName() {
            return java.net.URLEncoder.encode(customerName, java.nio.charset.StandardCharsets.UTF_8);
        }

        Map<String, Object> repBody(String repId) {
            return Map.of("repId", repId, "name", "代表" + repId, "regions", List.of(Map.of("province", "山东省")),
                    "productLines", List.of("feed"), "customerTypes", List.of("FARM"), "capacity", 100);
        }

        String repToChange() {
            return target("rep", this::newRep);
        }

        private String newRep() {
            String repId = unique("am-rep");
            registerRep(repId, 100);
            return repId;
        }

        Map<String, Object> customerBody(Caller caller) {
            // reps register for themselves; managers and admins name the owner, so no assignment rule decides
            Map<String, Object> body = newCustomer(caller.user != null && caller.user.startsWith("r") ? null : Caller.OWNER.user);
            body.put("customerId", unique("am-customer"));
            return body;
        }

        /** Owned by the owner REP, with the EDITOR and the VIEWER collaborators, like {@link #customer}. */
        Map<String, Object> ticketBody(String ticketId) {
            return Map.of("ticketId", ticketId, "customerId", customer, "kind", "AGRONOMY", "severity", "NORMAL",
                    "subject", "矩阵工单", "description", "叶子发黄");
        }

        private boolean experts;

        /** A ticket of the fixture's customer given to agro-a by the manager (no expert's region covers the customer). */
        private String newAssignedTicket() {
            if (!experts) {
                for (String expert : List.of("agro-a", "agro-b")) {
                    created(api.post("admin", "/api/experts", TicketApiTest.userExpert(expert)));
                }
                experts = true;
            }
            String id = unique("am-ticket");
            created(api.post("manager", "/api/tickets", ticketBody(id)));
            Api.Response reassigned = api.post("manager", "/api/tickets/" + id + "/reassign", Map.of("expertId", "agro-a"));
            assertThat(reassigned.status()).as(reassigned.toString()).isEqualTo(200);
            return id;
        }

        /** One ticket for the reads, readable once it is there. */
        String sharedTicket() {
            return (String) shared.computeIfAbsent("ticket-read", k -> {
                String id = newAssignedTicket();
                assertThat(api.get("admin", "/api/tickets/" + id + "?minPosition=" + head()).status()).isEqualTo(200);
                return id;
            });
        }

        String assignedTicket() {
            return target("ticket-assigned", this::newAssignedTicket);
        }

        private String newTicketInProgress() {
            String id = newAssignedTicket();
            Api.Response answered = api.post("agro-a", "/api/tickets/" + id + "/responses", Map.of("note", "看过了"));
            assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
            return id;
        }

        String ticketInProgress() {
            return target("ticket-in-progress", this::newTicketInProgress);
        }

        String resolvedTicket() {
            return target("ticket-resolved", () -> {
                String id = newTicketInProgress();
                Api.Response resolved = api.post("agro-a", "/api/tickets/" + id + "/resolve", Map.of("resolution", "控水"));
                assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
                return id;
            });
        }

        String customerToChange() {
            return target("customer", this::newCustomerLikeTheFixture);
        }

        private String newCustomerLikeTheFixture() {
            Map<String, Object> body = newCustomer(Caller.OWNER.user);
            body.put("customerId", unique("am-customer"));
            String id = created(api.post("manager", "/api/customers", body)).text("customerId");
            shareWithEditorAndViewer(id);
            return id;
        }

        /** In the pool: registered for another rep and released, so no assignment rule in force can decide. */
        String poolCustomer() {
            return target("pool", this::newPoolCustomer);
        }

        private String newPoolCustomer() {
            Map<String, Object> body = newCustomer(FORMER_OWNER);
            body.put("customerId", unique("am-pool"));
            String id = created(api.post("manager", "/api/customers", body)).text("customerId");
            created(api.post("manager", "/api/customers/" + id + "/release", Map.of("reason", "放回公海")));
            return id;
        }

        record Reversible(String customerId, String eventId) {
        }

        /** Transferred from the former owner to the owner REP (the change to reverse), then shared like the others. */
        Reversible reversibleCustomer() {
            return target("reversible", this::newReversibleCustomer);
        }

        private Reversible newReversibleCustomer() {
            Map<String, Object> body = newCustomer(FORMER_OWNER);
            body.put("customerId", unique("am-reversible"));
            String id = created(api.post("manager", "/api/customers", body)).text("customerId");
            created(api.post("manager", "/api/customers/" + id + "/transfer", Map.of("toRepId", Caller.OWNER.user,
                    "reason", "MANUAL")));
            shareWithEditorAndViewer(id);
            String eventId = null;
            for (JsonNode event : api.get("auditor", "/api/audit/events?customerId=" + id).body()) {
                if (event.path("type").asText().equals("CustomerTransferredEvent")) {
                    eventId = event.path("eventId").asText();
                }
            }
            assertThat(eventId).as("transfer event of " + id).isNotNull();
            return new Reversible(id, eventId);
        }

        String opportunity() {
            return target("opportunity", this::newOpportunity);
        }

        /** An order of the fixture's customer, so large that it waits for finance whatever the limit. */
        Map<String, Object> orderBody(String orderId) {
            return Map.of("orderId", orderId, "customerId", customer, "lines", List.of(Map.of("productId", product,
                    "quantity", 100_000)));
        }

        String orderWaitingForCredit() {
            return target("order-credit", this::newOrderWaitingForCredit);
        }

        String approvedOrder() {
            return target("order-approved", this::newApprovedOrder);
        }

        String dispatchedOrder() {
            return target("order-dispatched", () -> {
                String id = newApprovedOrder();
                created(api.post("warehouse", "/api/orders/" + id + "/dispatch", null));
                return id;
            });
        }

        private String newApprovedOrder() {
            String id = newOrderWaitingForCredit();
            created(api.post("finance", "/api/orders/" + id + "/decision", Map.of("step", "CREDIT", "decision", "APPROVE")));
            return id;
        }

        private String newOrderWaitingForCredit() {
            String id = unique("am-order");
            created(api.post("manager", "/api/orders", orderBody(id)));
            return id;
        }

        /** A credit request the manager asked for, pending: finance and the admin may decide it. */
        String pendingCreditRequest() {
            return target("credit-request", this::askForCredit);
        }

        private String askForCredit() {
            String id = unique("am-credit");
            created(api.post("manager", "/api/customers/" + customer + "/credit/requests", Map.of("requestId", id,
                    "limit", "80000.00", "paymentTermDays", 45, "reason", "扩大经营")));
            return id;
        }

        private String newOpportunity() {
            String id = unique("am-opp");
            created(api.post("manager", "/api/opportunities", Map.of("opportunityId", id, "customerId", customer,
                    "productLine", "feed")));
            return id;
        }

        Map<String, Object> currentAssignmentRules() {
            JsonNode current = api.get("admin", "/api/policies/assignment").body();
            List<Object> rules = new ArrayList<>();
            current.path("rules").forEach(rules::add);
            return Map.of("rules", rules);
        }

        Map<String, Object> currentPricingRules() {
            JsonNode current = api.get("admin", "/api/policies/pricing").body();
            List<Object> rules = new ArrayList<>();
            current.path("rules").forEach(rules::add);
            return Map.of("rules", rules);
        }

        Map<String, Object> currentGradingPolicy() {
            JsonNode current = api.get("admin", "/api/policies/grading").body();
            if (current.path("version").asInt() > 0) {
                return Map.of("S", current.get("S"), "A", current.get("A"), "B", current.get("B"));
            }
            return Map.of("S", threshold(2_000_000, 200_000, 10), "A", threshold(500_000, 50_000, 6),
                    "B", threshold(100_000, 10_000, 3));
        }

        private Map<String, Object> threshold(long volume, long margin, int months) {
            return Map.of("minVolume", volume, "minMargin", margin, "minActiveMonths", months);
        }

        private void shareWithEditorAndViewer(String customerId) {
            created(api.post("manager", "/api/customers/" + customerId + "/collaborators",
                    Map.of("repId", Caller.EDITOR.user, "role", "EDITOR")));
            created(api.post("manager", "/api/customers/" + customerId + "/collaborators",
                    Map.of("repId", Caller.VIEWER.user, "role", "VIEWER")));
        }

        /** The event store's head position, as the admin's projection status reports it. */
        long head() {
            Api.Response statuses = api.get("admin", "/api/admin/projections");
            assertThat(statuses.status()).as(statuses.toString()).isEqualTo(200);
            long head = 0;
            for (JsonNode status : statuses.body()) {
                head = Math.max(head, status.path("head").asLong());
            }
            return head;
        }

        /** Until the batch has completed, so that nothing it appends lands in a later cell. */
        void awaitBatch(String id) {
            Api.Response progress = api.await("manager", "/api/transfers/" + id,
                    r -> "COMPLETED".equals(r.text("status")), Duration.ofSeconds(20));
            assertThat(progress.text("status")).as(progress.toString()).isEqualTo("COMPLETED");
        }

        private Api.Response created(Api.Response response) {
            assertThat(response.status()).as("fixture: " + response).isBetween(200, 299);
            return response;
        }
    }

    static {
        // every row names one status per caller: the eight core callers, those up to WAREHOUSE, or all of them
        Map<String, Integer> wrong = new HashMap<>();
        Set<Integer> lengths = Set.of(Caller.FINANCE.ordinal(), Caller.WAREHOUSE.ordinal() + 1, Caller.values().length);
        MATRIX.forEach(row -> {
            if (!lengths.contains(row.statuses().length)) {
                wrong.put(row.endpoint(), row.statuses().length);
            }
        });
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("rows without one status per caller: " + wrong);
        }
    }
}
