package com.customerledger.api.console;

import com.customerledger.events.AssignmentRule;
import com.customerledger.events.AssignmentStrategy;
import com.customerledger.events.CustomerType;
import com.customerledger.events.Region;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * The assignment rules as the console's form holds them: one row of text fields per rule, exactly as typed (so a
 * refused form comes back as the admin left it), and their reading into rules with the same limits the API's
 * request records check. A row left entirely blank is no rule (the form offers one empty row to add a rule).
 */
record RuleForm(List<Row> rows) {

    static final int MAX_RULES = 200;
    static final int MAX_CANDIDATES = 50;
    static final String TERRITORY = "TERRITORY";
    static final String LISTED = "LISTED";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Pattern FIELD = Pattern.compile("rule\\[(\\d{1,3})]\\.(\\w+)");

    /** One rule as typed: every field a string; {@code candidates} are rep ids separated by commas or spaces. */
    record Row(String ruleId, String province, String city, String county, String type, String productLine,
               String candidatesMode, String candidates, String strategy) {

        static Row empty() {
            return new Row("", "", "", "", "", "", LISTED, "", AssignmentStrategy.ROUND_ROBIN.name());
        }

        static Row of(AssignmentRule rule) {
            Region region = rule.region();
            return new Row(rule.ruleId(), region == null ? "" : region.province(),
                    region == null || region.city() == null ? "" : region.city(),
                    region == null || region.county() == null ? "" : region.county(),
                    rule.type() == null ? "" : rule.type().name(), rule.productLine() == null ? "" : rule.productLine(),
                    rule.byTerritory() ? TERRITORY : LISTED, String.join(", ", rule.candidates()), rule.strategy().name());
        }

        boolean blank() {
            return List.of(ruleId, province, city, county, type, productLine, candidates).stream().allMatch(String::isBlank)
                    && !TERRITORY.equals(candidatesMode);
        }
    }

    /** What reading the form gave: the rules, or the reasons it was refused (then no rules). */
    record Reading(List<AssignmentRule> rules, List<String> errors) {

        boolean ok() {
            return errors.isEmpty();
        }
    }

    static RuleForm of(List<AssignmentRule> rules) {
        List<Row> rows = new ArrayList<>(rules.stream().map(Row::of).toList());
        rows.add(Row.empty());
        return new RuleForm(rows);
    }

    /** The rows posted as {@code rule[i].field}, by index; fields not posted are blank. At most {@link #MAX_RULES} + 1 rows. */
    static RuleForm posted(MultiValueMap<String, String> form) {
        java.util.TreeMap<Integer, Map<String, String>> byIndex = new java.util.TreeMap<>();
        for (Map.Entry<String, List<String>> entry : form.entrySet()) {
            Matcher field = FIELD.matcher(entry.getKey());
            if (field.matches() && !entry.getValue().isEmpty()) {
                byIndex.computeIfAbsent(Integer.parseInt(field.group(1)), i -> new java.util.HashMap<>())
                        .put(field.group(2), entry.getValue().get(0));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map<String, String> fields : byIndex.values()) {
            if (rows.size() > MAX_RULES) {
                break;
            }
            rows.add(new Row(text(fields, "ruleId"), text(fields, "province"), text(fields, "city"), text(fields, "county"),
                    text(fields, "type"), text(fields, "productLine"),
                    fields.getOrDefault("candidatesMode", LISTED).trim(), text(fields, "candidates"),
                    text(fields, "strategy")));
        }
        return new RuleForm(rows);
    }

    /** The form with an empty row at the end to add a rule (unless it has one). */
    RuleForm withEmptyRow() {
        if (!rows.isEmpty() && rows.get(rows.size() - 1).blank()) {
            return this;
        }
        List<Row> more = new ArrayList<>(rows);
        more.add(Row.empty());
        return new RuleForm(more);
    }

    /** The rules the rows say, each checked as the API checks a rule; every problem named with its row. */
    Reading read() {
        List<String> errors = new ArrayList<>();
        List<AssignmentRule> rules = new ArrayList<>();
        List<Row> filled = rows.stream().filter(row -> !row.blank()).toList();
        if (filled.size() > MAX_RULES) {
            errors.add("at most " + MAX_RULES + " rules");
            return new Reading(List.of(), errors);
        }
        for (int i = 0; i < filled.size(); i++) {
            Row row = filled.get(i);
            String at = "rule " + (i + 1) + (row.ruleId().isBlank() ? "" : " (" + row.ruleId() + ")") + ": ";
            int before = errors.size();
            if (!row.ruleId().isBlank() && !ID.matcher(row.ruleId()).matches()) {
                errors.add(at + "the rule id must be 1-64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
            }
            Region region = region(row, at, errors);
            CustomerType type = named(CustomerType.class, row.type(), at + "customer type", errors);
            if (row.productLine().length() > 100) {
                errors.add(at + "the product line has at most 100 characters");
            }
            AssignmentStrategy strategy = row.strategy().isBlank() ? null
                    : named(AssignmentStrategy.class, row.strategy(), at + "strategy", errors);
            if (row.strategy().isBlank()) {
                errors.add(at + "choose a strategy");
            }
            boolean territory = TERRITORY.equals(row.candidatesMode());
            if (!territory && !LISTED.equals(row.candidatesMode())) {
                errors.add(at + "candidates are listed reps or the territory");
            }
            List<String> candidates = territory ? List.of() : Arrays.stream(row.candidates().split("[,，\\s]+"))
                    .filter(id -> !id.isBlank()).toList();
            if (territory && !row.candidates().isBlank()) {
                errors.add(at + "by territory, list no reps (or choose listed reps)");
            }
            if (!territory && (candidates.isEmpty() || candidates.size() > MAX_CANDIDATES)) {
                errors.add(at + "list 1 to " + MAX_CANDIDATES + " rep ids, or choose the territory");
            }
            candidates.stream().filter(id -> !ID.matcher(id).matches()).findFirst()
                    .ifPresent(id -> errors.add(at + "'" + id + "' is no rep id"));
            if (errors.size() == before) {
                rules.add(new AssignmentRule(row.ruleId().isBlank() ? null : row.ruleId(), region, type,
                        row.productLine().isBlank() ? null : row.productLine(), territory, candidates, strategy));
            }
        }
        return errors.isEmpty() ? new Reading(List.copyOf(rules), List.of()) : new Reading(List.of(), errors);
    }

    private static Region region(Row row, String at, List<String> errors) {
        if (row.province().isBlank()) {
            if (!row.city().isBlank() || !row.county().isBlank()) {
                errors.add(at + "a city or county needs its province");
            }
            return null;
        }
        for (String name : List.of(row.province(), row.city(), row.county())) {
            if (name.length() > 50 || name.contains("/") || name.contains("|")) {
                errors.add(at + "a region name has at most 50 characters and no / or |");
                return null;
            }
        }
        return new Region(row.province(), row.city().isBlank() ? null : row.city(),
                row.county().isBlank() ? null : row.county());
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name, String what, List<String> errors) {
        if (name.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException unknown) {
            errors.add(what + ": no such value '" + name + "'");
            return null;
        }
    }

    private static String text(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value == null ? "" : value.trim();
    }
}
