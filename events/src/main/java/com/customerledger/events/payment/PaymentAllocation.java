package com.customerledger.events.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which delivered orders payments pay: each payment the order it names first, then the others, the earliest due
 * first; what is left over is paid in advance. The command side's credit checks and the query side's credit
 * accounts both allocate with this, so they agree on what is open and overdue.
 */
public final class PaymentAllocation {

    /** A delivered order's amount still open, and when it is due. */
    public record Open(String orderId, BigDecimal amount, Instant dueAt) {
    }

    /** A payment, and the order it names (null: none). */
    public record Paid(BigDecimal amount, String orderId) {
    }

    /** What stays open after the payments (fully paid orders left out), and what was paid in advance. */
    public record Result(List<Open> open, BigDecimal advance) {

        public BigDecimal openTotal() {
            return open.stream().map(Open::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** A delivered order, as its delivery recorded it. */
    public record Delivery(String orderId, BigDecimal total, Instant deliveredAt, Instant dueAt) {
    }

    /** A payment as recorded, with when the ledger recorded it. */
    public record Received(Paid payment, Instant recordedAt) {
    }

    private PaymentAllocation() {
    }

    /**
     * Deliveries and payments in the order the ledger recorded them, exactly as the command side applies them one
     * by one: a delivery opens its total less what was paid in advance, a payment is {@link #allocate allocated}.
     */
    public static Result replay(List<Delivery> deliveries, List<Received> payments) {
        List<Object> events = new ArrayList<>();
        events.addAll(deliveries);
        events.addAll(payments);
        events.sort(Comparator.comparing(event -> event instanceof Delivery delivery ? delivery.deliveredAt()
                : ((Received) event).recordedAt()));
        Result state = new Result(List.of(), BigDecimal.ZERO);
        for (Object event : events) {
            if (event instanceof Delivery delivery) {
                BigDecimal fromAdvance = state.advance().min(delivery.total());
                List<Open> open = new ArrayList<>(state.open());
                if (delivery.total().compareTo(fromAdvance) > 0) {
                    open.add(new Open(delivery.orderId(), delivery.total().subtract(fromAdvance), delivery.dueAt()));
                }
                state = new Result(List.copyOf(open), state.advance().subtract(fromAdvance));
            } else {
                Result paid = allocate(state.open(), List.of(((Received) event).payment()));
                state = new Result(paid.open(), state.advance().add(paid.advance()));
            }
        }
        return state;
    }

    /** Applies {@code payments}, in the order they were recorded, to {@code open}. */
    public static Result allocate(List<Open> open, List<Paid> payments) {
        List<Open> remaining = new ArrayList<>(open);
        remaining.sort(Comparator.comparing(Open::dueAt).thenComparing(Open::orderId));
        BigDecimal advance = BigDecimal.ZERO;
        for (Paid payment : payments) {
            BigDecimal left = payment.amount();
            List<Open> order = new ArrayList<>(remaining);
            order.sort(Comparator.comparing((Open candidate) -> !candidate.orderId().equals(payment.orderId())));
            for (Open candidate : order) {
                if (left.signum() <= 0) {
                    break;
                }
                BigDecimal paid = candidate.amount().min(left);
                left = left.subtract(paid);
                int index = remaining.indexOf(candidate);
                if (paid.compareTo(candidate.amount()) == 0) {
                    remaining.remove(index);
                } else {
                    remaining.set(index, new Open(candidate.orderId(), candidate.amount().subtract(paid), candidate.dueAt()));
                }
            }
            advance = advance.add(left);
        }
        return new Result(List.copyOf(remaining), advance);
    }
}
