package com.customerledger.api.exports;

import com.customerledger.api.imports.Columns.Field;
import com.customerledger.api.imports.RowReader;
import com.customerledger.events.Contact;
import com.customerledger.query.customer.CustomerView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of an exported sheet: the import's own headers first, in the import's vocabulary
 * (Chinese type names, a scale with its unit, lists joined with 、), so that an exported sheet
 * imports again as the same customers (of several contacts, the first); then what the 360 view adds,
 * which an import reports as columns it ignores.
 */
final class CustomerSheet {

    /** Fields of the import, in the order an export writes them. */
    private static final List<Field> IMPORTED = List.of(Field.NAME, Field.TYPE, Field.PROVINCE, Field.CITY, Field.COUNTY,
            Field.ADDRESS, Field.CREDIT_CODE, Field.PHONE, Field.CONTACT, Field.TITLE, Field.CONTACT_PHONE, Field.SCALE, Field.SPECIES,
            Field.CROPS, Field.PRODUCT_LINES, Field.OWNER, Field.GRADE, Field.SOURCE);
    private static final List<String> VIEW_ONLY = List.of("客户编号", "公海", "负责起始", "登记时间", "登记人", "最近拜访", "下次跟进");

    private CustomerSheet() {
    }

    static List<String> headers() {
        List<String> headers = new ArrayList<>();
        IMPORTED.forEach(field -> headers.add(field.header()));
        headers.addAll(VIEW_ONLY);
        return headers;
    }

    static List<String> row(CustomerView customer) {
        Contact contact = customer.contacts() == null || customer.contacts().isEmpty() ? null : customer.contacts().get(0);
        List<String> row = new ArrayList<>();
        row.add(customer.name());
        row.add(customer.type() == null ? "" : RowReader.label(customer.type()));
        row.add(customer.region() == null ? "" : text(customer.region().province()));
        row.add(customer.region() == null ? "" : text(customer.region().city()));
        row.add(customer.region() == null ? "" : text(customer.region().county()));
        row.add(text(customer.address()));
        row.add(text(customer.creditCode()));
        row.add(text(customer.phone()));
        row.add(contact == null ? "" : text(contact.name()));
        row.add(contact == null ? "" : text(contact.title()));
        row.add(contact == null ? "" : text(contact.phone()));
        row.add(customer.scale() == null ? "" : BigDecimal.valueOf(customer.scale().value()).stripTrailingZeros()
                .toPlainString() + RowReader.label(customer.scale().unit()));
        row.add(joined(customer.species()));
        row.add(joined(customer.crops()));
        row.add(joined(customer.productLines()));
        row.add(text(customer.ownerRepId()));
        row.add(customer.grade() == null ? "" : customer.grade().name());
        row.add(text(customer.source()));
        row.add(customer.customerId());
        row.add(customer.inPool() ? "是" : "否");
        row.add(instant(customer.ownerSince()));
        row.add(instant(customer.registeredAt()));
        row.add(text(customer.registeredBy()));
        row.add(instant(customer.lastVisitAt()));
        row.add(instant(customer.nextFollowUpAt()));
        return row;
    }

    private static String joined(List<String> values) {
        return values == null ? "" : String.join("、", values);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String instant(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
