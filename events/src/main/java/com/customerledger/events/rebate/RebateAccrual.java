package com.customerledger.events.rebate;

import com.customerledger.events.CustomerType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What a customer earns under one rebate program for one period: the basis its deliveries reached, the tier and
 * rate that gives, the amount, and why, in words. One function for every reader, so the accrual shown and the one
 * settled cannot disagree.
 */
public record RebateAccrual(String programId, RebateBasis basis, BigDecimal basisValue, BigDecimal deliveredAmount,
                            RebateTier tier, BigDecimal percent, BigDecimal amount, boolean eligible, String explanation) {

    /** A delivered order line as a program counts it. */
    public record Delivered(String productLine, BigDecimal quantity, BigDecimal amount) {
    }

    /**
     * The accrual of {@code program} for a customer of {@code type} whose deliveries in the period are
     * {@code delivered} and whose sell-through report in force for it has {@code soldOn} (empty: none);
     * {@code attainment} is its sales target's attainment for the period (null: no target). A program whose
     * customer types leave the customer out earns nothing and says so. The percent is always of the delivered amount.
     */
    public static RebateAccrual of(RebateProgram program, CustomerType type, List<Delivered> delivered, List<Delivered> soldOn,
                                   BigDecimal attainment) {
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal amount = BigDecimal.ZERO;
        for (Delivered line : delivered) {
            if (program.productLine() == null || program.productLine().equals(line.productLine())) {
                quantity = quantity.add(line.quantity());
                amount = amount.add(line.amount());
            }
        }
        BigDecimal soldOnAmount = BigDecimal.ZERO;
        for (Delivered line : soldOn) {
            if (program.productLine() == null || program.productLine().equals(line.productLine())) {
                soldOnAmount = soldOnAmount.add(line.amount());
            }
        }
        BigDecimal basisValue = switch (program.basis()) {
            case AMOUNT -> amount;
            case QUANTITY -> quantity;
            case SELL_THROUGH -> soldOnAmount;
        };
        String unit = program.basis() == RebateBasis.QUANTITY ? " units" : " yuan";
        String scope = program.productLine() == null ? "every product line" : "product line " + program.productLine();
        if (!program.customerTypes().isEmpty() && !program.customerTypes().contains(type)) {
            return new RebateAccrual(program.programId(), program.basis(), basisValue, amount, null, BigDecimal.ZERO,
                    BigDecimal.ZERO, false, "the program is for " + program.customerTypes() + ", not " + type);
        }
        RebateTier reached = null;
        for (RebateTier tier : program.tiers()) {
            if (basisValue.compareTo(tier.from()) >= 0) {
                reached = tier;
            }
        }
        String reachedText = (program.basis() == RebateBasis.SELL_THROUGH ? "sold on " : "delivered ") + basisValue.stripTrailingZeros().toPlainString() + unit + " of " + scope;
        if (reached == null) {
            return new RebateAccrual(program.programId(), program.basis(), basisValue, amount, null, BigDecimal.ZERO,
                    BigDecimal.ZERO, true, reachedText + ", below the first tier (from "
                    + program.tiers().get(0).from().stripTrailingZeros().toPlainString() + unit + ")");
        }
        String tierText = reachedText + ": tier from " + reached.from().stripTrailingZeros().toPlainString() + unit + " at "
                + reached.percent().stripTrailingZeros().toPlainString() + "%";
        BigDecimal minimum = program.minTargetAttainment();
        if (minimum != null && (attainment == null || attainment.compareTo(minimum) < 0)) {
            return new RebateAccrual(program.programId(), program.basis(), basisValue, amount, reached, reached.percent(),
                    BigDecimal.ZERO, false, tierText + "; but the program needs a target attainment of "
                    + minimum.stripTrailingZeros().toPlainString() + " and the customer's is "
                    + (attainment == null ? "unknown (no target set)" : attainment.stripTrailingZeros().toPlainString()));
        }
        BigDecimal earned = amount.multiply(reached.percent()).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        return new RebateAccrual(program.programId(), program.basis(), basisValue, amount, reached, reached.percent(),
                earned, true, tierText + " of " + amount.stripTrailingZeros().toPlainString() + " yuan = "
                + earned.toPlainString() + " yuan");
    }
}
