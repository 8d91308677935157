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
            api.await("admin", "/api/admin/projections", answer -> answer.body().toString().contains("\"replaying\":false")
                    && !answer.body().toString().contains("\"replaying\":true"), Duration.ofSeconds(20));
            assertThat(api.get("rep-a", "/api/inbox?size=50").body().get("total").asInt()).isEqualTo(3);

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
