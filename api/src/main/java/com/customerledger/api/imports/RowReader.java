package com.customerledger.api.imports;

import com.customerledger.api.imports.Columns.Field;
import com.customerledger.events.Contact;
import com.customerledger.events.CustomerProfile;
import com.customerledger.events.CustomerType;
import com.customerledger.events.Grade;
import com.customerledger.events.Region;
import com.customerledger.events.Scale;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one data row into what a registration needs, with the checks the API makes of a
 * registration body (required fields, lengths, credit code and phone shapes): a row either gives a
 * {@link Candidate} or the problems of its cells, each naming its column.
 */
public final class RowReader {

    /** Chinese names of the customer types, and the type each means; the enum names are accepted too. */
    static final Map<String, CustomerType> TYPES = Map.ofEntries(
            Map.entry("养殖场", CustomerType.FARM), Map.entry("养殖户", CustomerType.FARM), Map.entry("猪场", CustomerType.FARM),
            Map.entry("鸡场", CustomerType.FARM), Map.entry("牧场", CustomerType.RANCH), Map.entry("合作社", CustomerType.COOPERATIVE),
            Map.entry("种植基地", CustomerType.PLANTING_BASE), Map.entry("基地", CustomerType.PLANTING_BASE),
            Map.entry("经销商", CustomerType.DEALER), Map.entry("农资店", CustomerType.RETAIL_STORE),
            Map.entry("门店", CustomerType.RETAIL_STORE), Map.entry("散户", CustomerType.SMALLHOLDER));

    /** The Chinese label an export writes for each type; each reads back as the same type. */
    public static String label(CustomerType type) {
        return switch (type) {
            case FARM -> "养殖场";
            case RANCH -> "牧场";
            case COOPERATIVE -> "合作社";
            case PLANTING_BASE -> "种植基地";
            case DEALER -> "经销商";
            case RETAIL_STORE -> "农资店";
            case SMALLHOLDER -> "散户";
        };
    }

    /** The unit an export writes after a scale's value. */
    public static String label(Scale.Unit unit) {
        return switch (unit) {
            case HEAD -> "头";
            case MU -> "亩";
            case HECTARE -> "公顷";
        };
    }

    private static final Pattern CREDIT_CODE = Pattern.compile("(?i)[0-9A-HJ-NPQRTUWXY]{18}");
    private static final Pattern PHONE = Pattern.compile("[+0-9 ()-]{5,30}");
    private static final Pattern SCALE = Pattern.compile("([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*(.*)");
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[,，、;；/|\\s]+");
    private static final int MAX_LIST = 50;

    /** A row that can be registered: the profile, the owner as the sheet names it (rep id or name, or null), and a grade. */
    record Candidate(CustomerProfile profile, String owner, Grade grade) {
    }

    /** A cell that cannot be used, and why. */
    record CellProblem(String column, String message) {
    }

    /** Either a candidate or the problems; never both. */
    record Result(Candidate candidate, List<CellProblem> problems) {
    }

    private final Columns columns;

    RowReader(Columns columns) {
        this.columns = columns;
    }

    Result read(SheetRows.Line line) {
        List<CellProblem> problems = new ArrayList<>();
        String name = text(line, Field.NAME, 200, true, problems);
        CustomerType type = type(line, problems);
        String province = regionPart(line, Field.PROVINCE, true, problems);
        String city = regionPart(line, Field.CITY, false, problems);
        String county = regionPart(line, Field.COUNTY, false, problems);
        String address = text(line, Field.ADDRESS, 500, false, problems);
        String creditCode = matching(line, Field.CREDIT_CODE, CREDIT_CODE, "an 18-character unified social credit code",
                problems);
        String phone = matching(line, Field.PHONE, PHONE, "a phone number", problems);
        String contactName = text(line, Field.CONTACT, 100, false, problems);
        String title = text(line, Field.TITLE, 100, false, problems);
        String contactPhone = matching(line, Field.CONTACT_PHONE, PHONE, "a phone number", problems);
        Scale scale = scale(line, problems);
        List<String> species = list(line, Field.SPECIES, problems);
        List<String> crops = list(line, Field.CROPS, problems);
        List<String> productLines = list(line, Field.PRODUCT_LINES, problems);
        String source = text(line, Field.SOURCE, 100, false, problems);
        String owner = text(line, Field.OWNER, 100, false, problems);
        Grade grade = grade(line, problems);
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        List<Contact> contacts = contactName == null ? List.of() : List.of(new Contact(contactName, title, contactPhone));
        CustomerProfile profile = new CustomerProfile(name, type, new Region(province, city, county), address,
                creditCode == null ? null : creditCode.toUpperCase(Locale.ROOT), phone, contacts, scale, species, crops,
                productLines, source);
        return new Result(new Candidate(profile, owner, grade), List.of());
    }

    private String text(SheetRows.Line line, Field field, int max, boolean required, List<CellProblem> problems) {
        String value = columns.value(line, field).strip();
        if (value.isEmpty()) {
            if (required) {
                problems.add(new CellProblem(columns.headerOf(field), "is empty; every customer needs a " + field.apiName()));
            }
            return null;
        }
        if (value.length() > max) {
            problems.add(new CellProblem(columns.headerOf(field), "has " + value.length() + " characters; at most " + max));
            return null;
        }
        return value;
    }

    private String regionPart(SheetRows.Line line, Field field, boolean required, List<CellProblem> problems) {
        String value = text(line, field, 50, required, problems);
        if (value != null && (value.contains("/") || value.contains("|"))) {
            problems.add(new CellProblem(columns.headerOf(field), "must not contain / or |"));
            return null;
        }
        return value;
    }

    private String matching(SheetRows.Line line, Field field, Pattern pattern, String what, List<CellProblem> problems) {
        String value = Normalizer.normalize(columns.value(line, field), Normalizer.Form.NFKC).strip();
        if (value.isEmpty()) {
            return null;
        }
        if (!pattern.matcher(value).matches()) {
            problems.add(new CellProblem(columns.headerOf(field), "'" + value + "' is not " + what));
            return null;
        }
        return value;
    }

    private CustomerType type(SheetRows.Line line, List<CellProblem> problems) {
        String value = Normalizer.normalize(columns.value(line, Field.TYPE), Normalizer.Form.NFKC).strip();
        if (value.isEmpty()) {
            problems.add(new CellProblem(columns.headerOf(Field.TYPE), "is empty; one of 养殖场, 牧场, 合作社, 种植基地, 经销商, "
                    + "农资店, 散户 (or " + Arrays.toString(CustomerType.values()) + ")"));
            return null;
        }
        CustomerType type = TYPES.get(value);
        if (type == null) {
            type = Arrays.stream(CustomerType.values())
                    .filter(t -> t.name().equalsIgnoreCase(value.replace(' ', '_').replace('-', '_'))).findFirst().orElse(null);
        }
        if (type == null) {
            problems.add(new CellProblem(columns.headerOf(Field.TYPE), "'" + value + "' is not a customer type; one of "
                    + "养殖场, 牧场, 合作社, 种植基地, 经销商, 农资店, 散户"));
        }
        return type;
    }

    private Scale scale(SheetRows.Line line, List<CellProblem> problems) {
        String value = Normalizer.normalize(columns.value(line, Field.SCALE), Normalizer.Form.NFKC).strip();
        if (value.isEmpty()) {
            return null;
        }
        Matcher matcher = SCALE.matcher(value);
        Scale.Unit unit = matcher.matches() ? unit(matcher.group(2).strip()) : null;
        if (unit == null) {
            problems.add(new CellProblem(columns.headerOf(Field.SCALE), "'" + value + "' is not a number with a unit "
                    + "(头 or 只 for livestock, 亩 or 公顷 for land), for example 5000头 or 300亩"));
            return null;
        }
        BigDecimal number = new BigDecimal(matcher.group(1).replace(",", ""));
        if (number.signum() <= 0) {
            problems.add(new CellProblem(columns.headerOf(Field.SCALE), "must be more than 0"));
            return null;
        }
        return new Scale(number.doubleValue(), unit);
    }

    private static Scale.Unit unit(String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "头", "只", "羽", "口", "head" -> Scale.Unit.HEAD;
            case "亩", "mu" -> Scale.Unit.MU;
            case "公顷", "ha", "hectare", "hectares" -> Scale.Unit.HECTARE;
            default -> null;
        };
    }

    private List<String> list(SheetRows.Line line, Field field, List<CellProblem> problems) {
        String value = columns.value(line, field).strip();
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> items = LIST_SEPARATORS.splitAsStream(value).map(String::strip).filter(s -> !s.isEmpty())
                .distinct().toList();
        if (items.size() > MAX_LIST || items.stream().anyMatch(item -> item.length() > 100)) {
            problems.add(new CellProblem(columns.headerOf(field), "at most " + MAX_LIST + " entries of at most 100 characters"));
            return List.of();
        }
        return items;
    }

    private Grade grade(SheetRows.Line line, List<CellProblem> problems) {
        String value = Normalizer.normalize(columns.value(line, Field.GRADE), Normalizer.Form.NFKC).strip()
                .toUpperCase(Locale.ROOT).replace("级", "");
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Grade.valueOf(value);
        } catch (IllegalArgumentException unknown) {
            problems.add(new CellProblem(columns.headerOf(Field.GRADE), "'" + value + "' is not a grade; one of S, A, B, C"));
            return null;
        }
    }
}
