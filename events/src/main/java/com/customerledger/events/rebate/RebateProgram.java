package com.customerledger.events.rebate;

import com.customerledger.events.CustomerType;
import com.customerledger.events.SalesPeriod;
import java.math.BigDecimal;
import java.util.List;

/**
 * A rebate program (返点政策): over each {@code period} (month, quarter or year), the deliveries of
 * {@code productLine} (null: every line) to customers of {@code customerTypes} (empty: every type) reach a tier by
 * {@code basis}; the highest tier reached gives the percent of the delivered amount the customer earns back. With
 * {@code minTargetAttainment}, only a customer whose own sales target for the period is reached that far earns it.
 * Tiers are in ascending {@code from}.
 */
public record RebateProgram(String programId, SalesPeriod.Kind period, String productLine, List<CustomerType> customerTypes,
                            RebateBasis basis, List<RebateTier> tiers, BigDecimal minTargetAttainment) {

    public RebateProgram {
        customerTypes = customerTypes == null ? List.of() : List.copyOf(customerTypes);
        tiers = List.copyOf(tiers);
    }
}
