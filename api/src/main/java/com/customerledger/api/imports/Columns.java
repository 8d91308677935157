package com.customerledger.api.imports;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the header row of a sheet maps to the fields of a customer. Headers are matched leniently:
 * full-width and half-width alike (NFKC), case, white space, punctuation and a note in brackets
 * ({@code 客户名称（必填）}) do not count, and each field has its Chinese and English names. A header
 * that names no field is reported and its column ignored; a sheet without a name column cannot be
 * imported.
 */
public final class Columns {

    /** The fields a sheet may fill, with the names their headers may have. */
    public enum Field {
        NAME("客户名称", "名称", "客户名", "客户", "单位名称", "公司名称", "企业名称", "name", "customername", "customer"),
        TYPE("客户类型", "类型", "类别", "客户类别", "type", "customertype"),
        PROVINCE("省份", "省", "所在省", "province"),
        CITY("城市", "市", "地市", "所在市", "city"),
        COUNTY("县区", "县", "区", "区县", "县市区", "county", "district"),
        ADDRESS("详细地址", "地址", "address"),
        CREDIT_CODE("统一社会信用代码", "信用代码", "社会信用代码", "creditcode", "uscc"),
        PHONE("电话", "手机", "手机号", "手机号码", "联系电话", "电话号码", "phone", "mobile", "tel", "telephone"),
        CONTACT("联系人", "联系人姓名", "contact", "contactname"),
        TITLE("职务", "职位", "联系人职务", "title", "contacttitle"),
        CONTACT_PHONE("联系人电话", "联系人手机", "contactphone"),
        SCALE("规模", "养殖规模", "种植面积", "存栏", "存栏量", "scale"),
        SPECIES("养殖品种", "品种", "畜种", "species"),
        CROPS("种植作物", "作物", "crops", "crop"),
        PRODUCT_LINES("产品线", "意向产品线", "意向产品", "productlines", "productline"),
        OWNER("负责业务员", "业务员", "负责人", "所属业务员", "销售代表", "owner", "ownerrepid", "rep", "repid"),
        GRADE("等级", "客户等级", "grade"),
        SOURCE("来源", "客户来源", "source");

        private final List<String> names;

        Field(String... names) {
            this.names = List.of(names);
        }

        /** The header an export writes for this field (the first Chinese name). */
        public String header() {
            return names.get(0);
        }

        /** The field's name in the API ({@code creditCode}). */
        String apiName() {
            String[] parts = name().toLowerCase(Locale.ROOT).split("_");
            StringBuilder camel = new StringBuilder(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                camel.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
            }
            return camel.toString();
        }
    }

    private static final Map<String, Field> BY_NAME = new LinkedHashMap<>();

    static {
        for (Field field : Field.values()) {
            for (String name : field.names) {
                BY_NAME.put(normalize(name), field);
            }
        }
    }

    /** A header that could not be used, with why (reported on the header row). */
    record Problem(String header, String message) {
    }

    private final List<String> headers;
    private final Field[] fieldAt;
    private final Map<Field, Integer> indexOf;
    private final List<Problem> problems;
    private int headerRow = 1;

    private Columns(List<String> headers, Field[] fieldAt, Map<Field, Integer> indexOf, List<Problem> problems) {
        this.headers = headers;
        this.fieldAt = fieldAt;
        this.indexOf = indexOf;
        this.problems = problems;
    }

    static Columns of(List<String> headers) {
        Field[] fieldAt = new Field[headers.size()];
        Map<Field, Integer> indexOf = new EnumMap<>(Field.class);
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            if (header.isBlank()) {
                continue;
            }
            Field field = BY_NAME.get(normalize(header));
            if (field == null) {
                problems.add(new Problem(header, "unknown column, ignored; known columns are for example "
                        + "客户名称, 客户类型, 省份, 城市, 县区, 详细地址, 统一社会信用代码, 电话, 联系人, 职务, 规模, "
                        + "养殖品种, 种植作物, 产品线, 负责业务员, 等级, 来源"));
            } else if (indexOf.containsKey(field)) {
                problems.add(new Problem(header, "a second column for " + field.apiName() + " (the first is '"
                        + headers.get(indexOf.get(field)) + "'), ignored"));
            } else {
                fieldAt[i] = field;
                indexOf.put(field, i);
            }
        }
        if (!indexOf.containsKey(Field.NAME)) {
            throw new ImportFileException("no-name-column", "the header row " + headers
                    + " has no column for the customer's name (客户名称, 名称 or name)");
        }
        return new Columns(List.copyOf(headers), fieldAt, indexOf, problems);
    }

    /** How many rows at the top of a sheet may come before its header row (a title such as 2024年客户台账, a note). */
    static final int MAX_ROWS_BEFORE_HEADER = 9;

    /**
     * The header row: the first of the sheet's first rows that has a name column (rows above it, such
     * as a title, are passed over); the rows after it are the customers.
     */
    static Columns findHeader(SheetRows rows) {
        ImportFileException first = null;
        for (int i = 0; i <= MAX_ROWS_BEFORE_HEADER && rows.hasNext(); i++) {
            SheetRows.Line line = rows.next();
            try {
                Columns columns = of(line.cells());
                columns.headerRow = line.number();
                return columns;
            } catch (ImportFileException noName) {
                first = first == null ? noName : first;
            }
        }
        throw first != null ? first : new ImportFileException("empty-file", "the sheet has no rows");
    }

    /** Lower case, NFKC (full-width to half-width), without a note in brackets, white space and punctuation. */
    static String normalize(String header) {
        String folded = Normalizer.normalize(header, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("\\(.*?\\)|\\[.*?\\]|【.*?】|〔.*?〕", "");
        return folded.replaceAll("[\\s\\p{Punct}\\p{IsPunctuation}·\\u3000]+", "");
    }

    String value(SheetRows.Line line, Field field) {
        Integer index = indexOf.get(field);
        return index == null ? "" : line.cell(index);
    }

    boolean has(Field field) {
        return indexOf.containsKey(field);
    }

    /** The header of the column that holds {@code field} (for messages), or its API name when the sheet has none. */
    String headerOf(Field field) {
        Integer index = indexOf.get(field);
        return index == null ? field.header() : headers.get(index);
    }

    /** Header → the field it fills (its API name), or null when the column is ignored; in the sheet's order. */
    Map<String, String> mapping() {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            if (!headers.get(i).isBlank()) {
                mapping.putIfAbsent(headers.get(i), fieldAt[i] == null ? null : fieldAt[i].apiName());
            }
        }
        return Collections.unmodifiableMap(mapping);
    }

    /** The sheet's number of the header row. */
    int headerRow() {
        return headerRow;
    }

    List<Problem> problems() {
        return problems;
    }

    List<String> headers() {
        return headers;
    }
}
