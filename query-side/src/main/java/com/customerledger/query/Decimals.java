package com.customerledger.query;

import java.math.BigDecimal;

/** Amounts read from raw read-model documents: Spring Data stores a BigDecimal as a string by default. */
public final class Decimals {

    private Decimals() {
    }

    /** The amount a document field holds, stored as a string or a Decimal128; 0 when absent. */
    public static BigDecimal of(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        if (value instanceof org.bson.types.Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        return new BigDecimal(value.toString());
    }
}
