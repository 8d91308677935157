package com.customerledger.command.customer;

import com.customerledger.events.CustomerProfile;
import com.customerledger.events.Region;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The identity keys that make two registrations the same customer (撞单): the unified social credit
 * code, the phone number, and the normalized name within one county. The rules are documented in
 * the README; they are deliberately conservative so that two different farms are never merged.
 */
public final class CustomerKeys {

    /**
     * Legal-form suffixes that say nothing about who the customer is, longest first so that
     * 股份有限公司 is removed whole. 合作社 (cooperative) is kept: it is a type word, and
     * 张家养殖场 and 张家养殖合作社 are different customers.
     */
    private static final List<String> LEGAL_SUFFIXES = List.of(
            "股份有限公司", "有限责任公司", "有限公司", "集团公司", "公司", "有限合伙", "co.,ltd.", "co.,ltd", "co.ltd",
            "ltd.", "ltd", "inc.", "inc");

    private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\u3000]+");
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{Punct}\\p{IsPunctuation}·]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NON_DIGITS = Pattern.compile("\\D");

    private CustomerKeys() {
    }

    public static Set<String> of(CustomerProfile profile) {
        Set<String> keys = new LinkedHashSet<>();
        if (profile.creditCode() != null && !profile.creditCode().isBlank()) {
            keys.add("credit:" + normalizeCode(profile.creditCode()));
        }
        if (profile.phone() != null && !profile.phone().isBlank()) {
            String phone = normalizePhone(profile.phone());
            if (!phone.isEmpty()) {
                keys.add("phone:" + phone);
            }
        }
        String name = normalizeName(profile.name());
        if (!name.isEmpty() && profile.region() != null) {
            keys.add("name:" + countyOf(profile.region()) + ":" + name);
        }
        return keys;
    }

    /** Full-width to half-width (NFKC), lower case, no white space, no legal-form suffix, no punctuation. */
    public static String normalizeName(String name) {
        if (name == null) {
            return "";
        }
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        folded = WHITE_SPACE.matcher(folded).replaceAll("");
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String suffix : LEGAL_SUFFIXES) {
                if (folded.endsWith(suffix) && folded.length() > suffix.length()) {
                    folded = folded.substring(0, folded.length() - suffix.length());
                    stripped = true;
                }
            }
        }
        return PUNCTUATION.matcher(folded).replaceAll("");
    }

    static String normalizeCode(String creditCode) {
        return SPACES.matcher(Normalizer.normalize(creditCode, Normalizer.Form.NFKC)).replaceAll("").toUpperCase(Locale.ROOT);
    }

    /** Digits only; a mainland country code (+86 / 0086 / 86 before an 11-digit mobile number) is dropped. */
    static String normalizePhone(String phone) {
        String digits = NON_DIGITS.matcher(Normalizer.normalize(phone, Normalizer.Form.NFKC)).replaceAll("");
        if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return digits;
    }

    private static String countyOf(Region region) {
        return String.join("/", region.province(), nullToEmpty(region.city()), nullToEmpty(region.county()));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
