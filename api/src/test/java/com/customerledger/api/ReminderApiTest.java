package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.events.calendar.ChineseCalendar;
import com.customerledger.events.calendar.LunarDate;
import com.customerledger.events.calendar.SolarTerm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Reminders by rule through HTTP, on a ledger of its own whose clock the test moves: a solar birthday, a lunar one and
 * a solar-term campaign each make exactly one notice in the owner's inbox and one webhook delivery, however often the
 * scan runs, after its memory of sent occasions is lost, and after a replay; nothing before its time.
 */
class ReminderApiTest extends MovableClockLedgerTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void quickScans(DynamicPropertyRegistry registry) {
        registry.add("ledger.reminders.scan-interval", () -> "200ms");
        registry.add("ledger.webhooks.poll", () -> "100ms");
    }

    @Autowired
    JdbcTemplate jdbc;

    private static List<JsonNode> items(Api.Response inbox) {
        List<JsonNode> items = new ArrayList<>();
        inbox.body().get("items").forEach(items::add);
        return items;
    }

    /** The solar term that comes next after {@code day}, at least two days later. */
    private static SolarTerm nextTerm(LocalDate day) {
        return Arrays.stream(SolarTerm.values())
                .min(Comparator.comparing(term -> {
                    LocalDate date = term.dateIn(day.getYear());
                    return date.isBefore(day.plusDays(2)) ? term.dateIn(day.getYear() + 1) : date;
                })).orElseThrow();
    }

    private static LocalDate dateOf(SolarTerm term, LocalDate after) {
        LocalDate date = term.dateIn(after.getYear());
        return date.isBefore(after.plusDays(2)) ? term.dateIn(after.getYear() + 1) : date;
    }

    @Test
    void birthdaysAndASolarTermCampaignMakeOneNoticeEachAndOneDeliveryEach() throws Exception {
        Api api = new Api(port);
        List<JsonNode> delivered = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            delivered.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            assertThat(api.post("admin", "/api/webhooks", Map.of("webhookId", "reminders", "url", "http://127.0.0.1:"
                    + receiver.getAddress().getPort() + "/hook", "eventTypes", List.of("InboxItemOpenedEvent"),
                    "secret", "0123456789abcdef-reminders")).status()).isEqualTo(201);
            assertThat(api.post("admin", "/api/reps", Map.of("repId", "rep-a", "name", "代表甲", "regions",
                    List.of(Map.of("province", "提醒省")), "capacity", 100)).status()).isEqualTo(201);

            LocalDate today = LocalDate.ofInstant(clock.instant(), CHINA);
            LocalDate solarBirthday = today.plusDays(2);
            LocalDate lunarBirthday = today.plusDays(3);
            LunarDate lunar = ChineseCalendar.lunar(lunarBirthday);
            String farm = register(api, "麦田农场", "rep-a", List.of("wheat"), List.of(
                    Map.of("name", "张场长", "birthday", solarBirthday.format(DateTimeFormatter.ofPattern("MM-dd"))),
                    Map.of("name", "李会计", "birthday", String.format("%02d-%02d", lunar.month(), lunar.day()), "lunar", true),
                    Map.of("name", "王技术员", "birthday", today.plusDays(20).format(DateTimeFormatter.ofPattern("MM-dd")))));
            String otherCrop = register(api, "果园", "rep-a", List.of("apple"), List.of());
            String inPool = register(api, "公海麦田", null, List.of("wheat"), List.of());

            // bad policies change nothing
            assertThat(api.put("admin", "/api/policies/reminders", Map.of("birthdayDaysBefore", 3, "campaigns",
                    List.of(Map.of("campaignId", "x", "solarTerm", "白菜", "daysBefore", 3)))).status()).isEqualTo(400);
            assertThat(api.put("admin", "/api/policies/reminders", Map.of("campaigns", List.of(),
                    "birthdayDaysBefore", 61)).status()).isEqualTo(400);
            assertThat(api.put("manager", "/api/policies/reminders", Map.of("campaigns", List.of())).status()).isEqualTo(403);

            SolarTerm term = nextTerm(today);
            LocalDate termDay = dateOf(term, today);
            int daysBefore = (int) ChronoUnit.DAYS.between(today, termDay);
            Api.Response set = api.put("admin", "/api/policies/reminders", Map.of("birthdayDaysBefore", 5, "campaigns",
                    List.of(Map.of("campaignId", "term-wheat", "solarTerm", term.chinese(), "daysBefore", daysBefore,
                            "match", Map.of("region", Map.of("province", "提醒省"), "crops", List.of("wheat")),
                            "articleId", "kb-wheat"),
                            Map.of("campaignId", "later", "solarTerm", term.chinese(), "daysBefore", daysBefore - 1,
                                    "match", Map.of("crops", List.of("wheat"))))));
            assertThat(set.status()).as(set.toString()).isEqualTo(200);
            JsonNode policy = api.get("auditor", "/api/policies/reminders?minPosition=" + set.position()).body();
            assertThat(policy.get("version").asInt()).isEqualTo(1);
            assertThat(policy.get("campaigns").get(0).get("solarTerm").asText()).isEqualTo(term.chinese());

            Api.Response inbox = api.await("rep-a", "/api/inbox?size=50", answer -> answer.status() == 200
                    && answer.body().get("total").asInt() >= 3, Duration.ofSeconds(15));
            Thread.sleep(1_000); // several more scans
            List<JsonNode> notices = items(api.get("rep-a", "/api/inbox?size=50"));
            assertThat(notices).as(inbox.toString()).hasSize(3);
            JsonNode campaign = notices.stream().filter(item -> item.get("kind").asText().equals("CAMPAIGN")).findFirst()
                    .orElseThrow();
            assertThat(campaign.get("customerId").asText()).isEqualTo(farm);
            assertThat(campaign.get("subjectId").asText()).isEqualTo("term-wheat");
            assertThat(campaign.get("dueAt").asText()).isEqualTo(termDay.atStartOfDay(CHINA).toInstant().toString());
            assertThat(campaign.get("detail").asText()).contains("kb-wheat");
            List<String> birthdays = notices.stream().filter(item -> item.get("kind").asText().equals("BIRTHDAY"))
                    .map(item -> item.get("dueAt").asText()).sorted().toList();
            assertThat(birthdays).containsExactly(solarBirthday.atStartOfDay(CHINA).toInstant().toString(),
                    lunarBirthday.atStartOfDay(CHINA).toInstant().toString());
            assertThat(notices).noneMatch(item -> item.get("customerId").asText().equals(otherCrop)
                    || item.get("customerId").asText().equals(inPool));

            // the scan forgets what it sent (a restart on another instance): the items' own ids still make one each
            jdbc.update("DELETE FROM reminder_sent");
            Thread.sleep(1_000);
            assertThat(api.get("rep-a", "/api/inbox?size=50").body().get("total").asInt()).isEqualTo(3);
            for (JsonNode notice : notices) {
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                        Integer.class, "inbox:" + notice.get("inboxItemId").asText())).isEqualTo(1);
            }
            // a replay of the read models sends nothing
            assertThat(api.post("admin", "/api/admin/projections/activity-view/replay", null).status()).isEqualTo(202);
            Api.Response replayed = api.await("rep-a", "/api/inbox?size=50", answer -> answer.status() == 200
                    && answer.body().get("total").asInt() == 3, Duration.ofSeconds(20));
            assertThat(replayed.body().get("total").asInt()).as(replayed.toString()).isEqualTo(3);

            // the second campaign comes a day later; a birthday 20 days ahead comes 5 days before it
            clock.advance(Duration.ofDays(1));
            api.await("rep-a", "/api/inbox?size=50", answer -> answer.body().get("total").asInt() >= 4, Duration.ofSeconds(15));
            clock.advance(Duration.ofDays(14));
            api.await("rep-a", "/api/inbox?size=50", answer -> answer.body().get("total").asInt() >= 5, Duration.ofSeconds(15));
            Thread.sleep(1_000);
            List<JsonNode> later = items(api.get("rep-a", "/api/inbox?size=50"));
            assertThat(later).hasSize(5);
            assertThat(later.stream().filter(item -> item.get("subjectId").asText("").equals("later")).count()).isEqualTo(1);

            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (delivered.size() < 5 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(500);
            assertThat(delivered).as("one delivery per notice").hasSize(5);
            assertThat(delivered.stream().map(body -> body.get("payload").get("inboxItemId").asText()).distinct().count())
                    .isEqualTo(5);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void followUpsOverduePaymentsAndAFarmRunningOutOfFeedEachMakeOneNotice() throws Exception {
        Api api = new Api(port);
        assertThat(api.post("admin", "/api/reps", Map.of("repId", "rep-b", "name", "代表乙", "regions",
                List.of(Map.of("province", "提醒省")), "capacity", 100)).status()).isEqualTo(201);
        assertThat(api.post("manager", "/api/products", Map.of("productId", "np-feed", "name", "育肥猪料 40kg", "productLine",
                "feed", "unit", "BAG", "listPrice", "150.00")).status()).isEqualTo(201);
        String farm = register(api, "育肥场", "rep-b", List.of(), List.of());
        assertThat(api.post("rep-b", "/api/customers/" + farm + "/credit/requests", Map.of("requestId", "cr-np", "limit",
                "1000000.00", "paymentTermDays", 15, "reason", "备货")).status()).isEqualTo(201);
        assertThat(api.post("finance", "/api/credit/requests/cr-np/decision", Map.of("decision", "APPROVE")).status())
                .isEqualTo(200);
        java.time.Instant start = clock.instant();
        assertThat(api.post("rep-b", "/api/customers/" + farm + "/visits", Map.of("visitId", "v-np", "visitedAt",
                start.minusSeconds(60).toString(), "channel", "ON_SITE", "notes", "存栏800头", "nextFollowUpAt",
                start.plus(Duration.ofDays(1)).toString())).status()).isEqualTo(201);
        deliver(api, farm, "np-1", 20);
        clock.advance(Duration.ofDays(10));
        Api.Response second = deliver(api, farm, "np-2", 20);

        Api.Response set = api.put("admin", "/api/policies/reminders", Map.of("nextPurchaseDaysBefore", 3, "campaigns",
                List.of()));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        // 20 bags used over 10 days: the last 20 last 10 more, so they run out at day 20; the notice comes at day 17
        java.time.Instant runsOut = clock.instant().plus(Duration.ofDays(10));
        JsonNode view = api.get("rep-b", "/api/customers/" + farm + "?minPosition=" + second.position()).body();
        assertThat(view.get("nextPurchase").get("expectedAt").isTextual()).as(view.get("nextPurchase").toString()).isTrue();
        assertThat(java.time.Instant.parse(view.get("nextPurchase").get("expectedAt").asText()))
                .isCloseTo(runsOut, org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
        JsonNode book = api.get("rep-b", "/api/reps/rep-b/portfolio").body();
        assertThat(book.get("owned").get("items").get(0).get("nextPurchase").get("confidence").asText()).isEqualTo("LOW");

        // day 10: the follow-up planned for day 1 is past; no payment is due yet (day 15) and the feed lasts
        api.await("rep-b", "/api/inbox?size=50", answer -> answer.body().get("total").asInt() >= 1, Duration.ofSeconds(15));
        Thread.sleep(1_000);
        List<JsonNode> notices = items(api.get("rep-b", "/api/inbox?size=50"));
        assertThat(notices.stream().map(item -> item.get("kind").asText())).containsExactly("FOLLOW_UP_DUE");
        assertThat(notices.get(0).get("subjectId").asText()).isEqualTo("v-np");

        // day 18: the feed runs out within 3 days, and np-1's payment (due day 15) is overdue
        clock.advance(Duration.ofDays(8));
        api.await("rep-b", "/api/inbox?size=50", answer -> answer.body().get("total").asInt() >= 3, Duration.ofSeconds(15));
        Thread.sleep(1_000);
        List<JsonNode> later = items(api.get("rep-b", "/api/inbox?size=50"));
        assertThat(later.stream().map(item -> item.get("kind").asText()).sorted())
                .containsExactly("FOLLOW_UP_DUE", "NEXT_PURCHASE", "OVERDUE_CREDIT");
        JsonNode next = later.stream().filter(item -> item.get("kind").asText().equals("NEXT_PURCHASE")).findFirst()
                .orElseThrow();
        assertThat(next.get("customerId").asText()).isEqualTo(farm);
        assertThat(java.time.Instant.parse(next.get("dueAt").asText()))
                .isCloseTo(runsOut, org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
        assertThat(items(api.get("finance", "/api/inbox?kind=OVERDUE_CREDIT&size=50")).stream()
                .map(item -> item.get("subjectId").asText())).containsExactly("np-1");
    }

    private static Api.Response deliver(Api api, String customerId, String orderId, int bags) {
        Api.Response order = api.post("rep-b", "/api/orders", Map.of("orderId", orderId, "customerId", customerId, "lines",
                List.of(Map.of("productId", "np-feed", "quantity", bags))));
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        assertThat(order.text("status")).as(order.toString()).isEqualTo("APPROVED");
        assertThat(api.post("warehouse", "/api/orders/" + orderId + "/dispatch", Map.of("waybill", "SF" + orderId)).status())
                .isEqualTo(200);
        Api.Response delivered = api.post("warehouse", "/api/orders/" + orderId + "/deliver", Map.of("note", "已签收"));
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        return delivered;
    }

    private static String register(Api api, String name, String owner, List<String> crops, List<Map<String, Object>> contacts) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name + System.nanoTime(), "type", "FARM",
                "region", Map.of("province", "提醒省", "city", "甲市"), "crops", crops, "contacts", contacts));
        if (owner != null) {
            body.put("ownerRepId", owner);
        }
        Api.Response registered = api.post("manager", "/api/customers", body);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered.text("customerId");
    }
}
