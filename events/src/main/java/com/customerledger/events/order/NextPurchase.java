package com.customerledger.events.order;

import com.customerledger.events.Scale;
import com.customerledger.events.pricing.ProductUnit;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * When a customer will buy again (养殖户采购周期和饲料消耗规律): from its deliveries, how fast it uses what it buys,
 * so when its last delivery runs out. With too little history it says so instead of guessing.
 *
 * @param expectedAt when the last delivery runs out (null: no estimate)
 * @param cycleDays  the median days between its deliveries (null with fewer than two)
 * @param basis      what the estimate rests on, in words
 * @param confidence HIGH, MEDIUM or LOW; null without an estimate
 * @param reason     why there is no estimate (null with one)
 */
public record NextPurchase(String customerId, Instant expectedAt, Double cycleDays, String basis, String confidence,
                           String reason) {

    /** One delivery: when, and how much of the customer's usual unit. */
    public record Delivery(Instant deliveredAt, BigDecimal quantity) {
    }

    /** How much of one unit a delivered order brought. */
    public record Delivered(Instant deliveredAt, ProductUnit unit, BigDecimal quantity) {
    }

    /**
     * The estimate from a customer's delivered order lines, counted in the unit most of its delivered quantity came in
     * (feed in bags and premix in kg are not added up); the query side's 360 view and the command side's reminder
     * both reckon so.
     */
    public static NextPurchase ofDeliveries(String customerId, List<Delivered> delivered, Scale scale, List<String> species) {
        Map<ProductUnit, BigDecimal> byUnit = new java.util.EnumMap<>(ProductUnit.class);
        delivered.forEach(line -> byUnit.merge(line.unit(), line.quantity(), BigDecimal::add));
        ProductUnit unit = byUnit.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        Map<Instant, BigDecimal> byDelivery = new java.util.TreeMap<>();
        delivered.stream().filter(line -> line.unit() == unit)
                .forEach(line -> byDelivery.merge(line.deliveredAt(), line.quantity(), BigDecimal::add));
        List<Delivery> deliveries = byDelivery.entrySet().stream().filter(entry -> entry.getValue().signum() > 0)
                .map(entry -> new Delivery(entry.getKey(), entry.getValue())).toList();
        return estimate(customerId, deliveries, unit, scale, species == null ? List.of() : species);
    }

    private static final double SECONDS_PER_DAY = 86_400.0;
    /** Feed a head eats a day, in kg, by species (a rough norm, for a customer with a single delivery). */
    private static final Map<String, Double> FEED_KG_PER_HEAD_DAY = Map.of("pig", 2.5, "cattle", 10.0, "dairy", 20.0,
            "sheep", 1.5, "chicken", 0.12, "layer", 0.12, "broiler", 0.15, "duck", 0.18, "fish", 0.05);

    /**
     * The estimate from {@code deliveries} (any order) of one unit ({@code unit}); with a single delivery in kg or
     * tons, the customer's {@code scale} in head and its {@code species} may give one.
     */
    public static NextPurchase estimate(String customerId, List<Delivery> deliveries, ProductUnit unit, Scale scale,
                                        List<String> species) {
        List<Delivery> sorted = new ArrayList<>(deliveries);
        sorted.sort(Comparator.comparing(Delivery::deliveredAt));
        String unitName = unit == null ? "units" : unit.name().toLowerCase(Locale.ROOT);
        if (sorted.size() >= 2) {
            Delivery first = sorted.get(0);
            Delivery last = sorted.get(sorted.size() - 1);
            double span = days(first.deliveredAt(), last.deliveredAt());
            if (span < 1) {
                return none(customerId, sorted.size() + " deliveries within a day: too little history to tell a cycle");
            }
            BigDecimal usedBeforeLast = sorted.subList(0, sorted.size() - 1).stream().map(Delivery::quantity)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            double perDay = usedBeforeLast.doubleValue() / span;
            double lasts = last.quantity().doubleValue() / perDay;
            List<Double> intervals = new ArrayList<>();
            for (int i = 1; i < sorted.size(); i++) {
                intervals.add(days(sorted.get(i - 1).deliveredAt(), sorted.get(i).deliveredAt()));
            }
            double cycle = median(intervals);
            String confidence = sorted.size() >= 4 && variation(intervals) < 0.25 ? "HIGH" : sorted.size() >= 3 ? "MEDIUM" : "LOW";
            return new NextPurchase(customerId, last.deliveredAt().plusSeconds(Math.round(lasts * SECONDS_PER_DAY)),
                    round(cycle), sorted.size() + " deliveries over " + round(span) + " days: about " + round(perDay) + " "
                    + unitName + " a day, so the last " + last.quantity().stripTrailingZeros().toPlainString() + " "
                    + unitName + " last about " + round(lasts) + " days", confidence, null);
        }
        if (sorted.size() == 1 && scale != null && scale.unit() == Scale.Unit.HEAD && scale.value() > 0
                && (unit == ProductUnit.KG || unit == ProductUnit.TON)) {
            Double norm = species.stream().map(s -> FEED_KG_PER_HEAD_DAY.get(s.toLowerCase(Locale.ROOT)))
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if (norm != null) {
                Delivery only = sorted.get(0);
                double kg = only.quantity().doubleValue() * (unit == ProductUnit.TON ? 1000 : 1);
                double lasts = kg / (scale.value() * norm);
                return new NextPurchase(customerId, only.deliveredAt().plusSeconds(Math.round(lasts * SECONDS_PER_DAY)), null,
                        "one delivery of " + round(kg) + " kg for " + round(scale.value()) + " head at about " + norm
                        + " kg a head a day: it lasts about " + round(lasts) + " days", "LOW", null);
            }
        }
        return none(customerId, sorted.isEmpty() ? "no delivery yet"
                : "one delivery only, and no scale in head with a known species to reckon its use by");
    }

    private static NextPurchase none(String customerId, String reason) {
        return new NextPurchase(customerId, null, null, null, null, "too little history: " + reason);
    }

    private static double days(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0 / SECONDS_PER_DAY;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** Standard deviation ÷ mean. */
    private static double variation(List<Double> values) {
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double variance = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).average().orElse(0);
        return mean == 0 ? Double.MAX_VALUE : Math.sqrt(variance) / mean;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
