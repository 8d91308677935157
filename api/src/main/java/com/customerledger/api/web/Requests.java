package com.customerledger.api.web;

import com.customerledger.events.Contact;
import com.customerledger.events.Region;
import com.customerledger.events.Scale;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Value shapes shared by several request bodies, with their validation at the edge. */
final class Requests {

    /** Client-chosen ids: letters, digits and . _ : - , at most 64 characters. */
    static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";
    static final String ID_MESSAGE = "must be 1-64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit";
    /** A unified social credit code: 18 characters of the official alphabet (no I, O, S, V, Z). */
    static final String CREDIT_CODE = "(?i)[0-9A-HJ-NPQRTUWXY]{18}";
    static final String PHONE = "[+0-9 ()-]{5,30}";
    /** A birthday as month and day; days up to 30 in any month (a lunar month has 29 or 30 days). */
    static final String BIRTHDAY = "(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|30|31)";
    static final int MAX_LIST = 50;
    static final int MAX_TEXT = 200;

    private Requests() {
    }

    /** Region names may not contain '/' or '|', which the ledger uses to write region paths. */
    static final String REGION_NAME = "[^/|]+";

    record RegionRequest(
            @NotBlank @Size(max = 50) @Pattern(regexp = REGION_NAME, message = "must not contain / or |") String province,
            @Size(min = 1, max = 50) @Pattern(regexp = REGION_NAME, message = "must not contain / or |") String city,
            @Size(min = 1, max = 50) @Pattern(regexp = REGION_NAME, message = "must not contain / or |") String county) {

        Region toRegion() {
            return new Region(province.trim(), city == null ? null : city.trim(), county == null ? null : county.trim());
        }
    }

    record ContactRequest(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 100) String title,
            @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
            @Pattern(regexp = BIRTHDAY, message = "must be a month and day, MM-DD") String birthday,
            Boolean lunar) {

        /** A Gregorian birthday must be a real day (02-29 is, kept on the 28th in other years); a lunar month has up to 30. */
        @jakarta.validation.constraints.AssertTrue(message = "birthday is no day of the year (a lunar one needs a birthday)")
        boolean isBirthdayADay() {
            if (birthday == null) {
                return lunar == null || !lunar;
            }
            if (!birthday.matches(BIRTHDAY)) {
                return true; // the pattern says what is wrong
            }
            int month = Integer.parseInt(birthday.substring(0, 2));
            int day = Integer.parseInt(birthday.substring(3));
            return day <= (Boolean.TRUE.equals(lunar) ? 30 : java.time.Month.of(month).maxLength());
        }

        Contact toContact() {
            return new Contact(name.trim(), title, phone, birthday, birthday == null ? null : Boolean.TRUE.equals(lunar));
        }
    }

    record ScaleRequest(@Positive double value, @NotNull Scale.Unit unit) {

        Scale toScale() {
            return new Scale(value, unit);
        }
    }

    static List<Region> regions(List<RegionRequest> requests) {
        return requests == null ? null : requests.stream().map(RegionRequest::toRegion).toList();
    }

    static List<Contact> contacts(List<ContactRequest> requests) {
        return requests == null ? null : requests.stream().map(ContactRequest::toContact).toList();
    }

    static List<String> trimmed(List<String> values) {
        return values == null ? null : values.stream().map(String::trim).distinct().toList();
    }

    /** A period as a client writes it ({@code 2026-11}, {@code 2026-Q4}, {@code 2026}); anything else is a 400. */
    static com.customerledger.events.SalesPeriod period(String text) {
        try {
            return com.customerledger.events.SalesPeriod.parse(text);
        } catch (IllegalArgumentException notAPeriod) {
            throw new BadRequestException(notAPeriod.getMessage());
        }
    }

    static String creditCode(String code) {
        return code == null ? null : code.trim().toUpperCase(java.util.Locale.ROOT);
    }

    static String text(String value) {
        return value == null ? null : value.trim();
    }
}
