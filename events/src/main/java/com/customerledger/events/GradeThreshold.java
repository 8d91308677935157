package com.customerledger.events;

import java.math.BigDecimal;

/**
 * What a customer must reach over the trailing twelve months to earn a grade: trade volume, margin
 * contribution, and stability (the number of distinct calendar months, UTC, with a deal).
 */
public record GradeThreshold(BigDecimal minVolume, BigDecimal minMargin, int minActiveMonths) {

    public boolean metBy(GradeInputs inputs) {
        return inputs.volume().compareTo(minVolume) >= 0 && inputs.margin().compareTo(minMargin) >= 0
                && inputs.activeMonths() >= minActiveMonths;
    }
}
