package com.customerledger.query.customer;

import java.text.Normalizer;
import java.util.Locale;

/** Folds text for matching a search term: full-width to half-width (NFKC), lower case, no white space. */
final class SearchText {

    private SearchText() {
    }

    static String fold(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("[\\s\\u3000]+", "");
    }
}
