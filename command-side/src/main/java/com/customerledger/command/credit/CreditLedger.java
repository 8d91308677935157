package com.customerledger.command.credit;

import com.customerledger.command.CommandLookups;
import com.customerledger.events.Decision;
import com.customerledger.events.credit.CreditLimitRequestDecidedEvent;
import com.customerledger.events.order.OrderApprovedEvent;
import com.customerledger.events.order.OrderCancelledEvent;
import com.customerledger.events.order.OrderDeliveredEvent;
import com.customerledger.events.payment.PaymentAllocation;
import com.customerledger.events.payment.PaymentRecordedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each customer's credit as the order checks need it: the limit and term in force, what approved orders hold,
 * what delivered orders owe and when it is due. Kept in the transaction of the events, so two orders checked
 * one after the other always see each other's reservation.
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
public class CreditLedger {

    /** A customer's credit now; {@code overdue} is what was due before the moment asked about and is still open. */
    public record Standing(BigDecimal limit, int paymentTermDays, BigDecimal reserved, BigDecimal outstanding,
                           BigDecimal overdue) {

        public BigDecimal available() {
            return limit.subtract(reserved).subtract(outstanding);
        }
    }

    private final JdbcTemplate jdbc;

    public CreditLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Standing standing(String customerId, Instant now) {
        BigDecimal overdue = jdbc.query("SELECT open_amount FROM credit_receivable WHERE customer_id = ? AND due_at < ?",
                        (rs, i) -> new BigDecimal(rs.getString(1)), customerId, now.toEpochMilli()).stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Account account = account(customerId);
        return new Standing(account.limit(), account.paymentTermDays(), account.reserved(), account.outstanding(), overdue);
    }

    /** A delivered order not paid by its due time. */
    public record Overdue(String orderId, String customerId, BigDecimal openAmount, Instant dueAt) {
    }

    /** Every delivered order whose payment was due before {@code now} and is still open, the longest overdue first. */
    public List<Overdue> overdue(Instant now) {
        return jdbc.query("SELECT order_id, customer_id, open_amount, due_at FROM credit_receivable WHERE due_at < ? "
                        + "ORDER BY due_at, order_id",
                (rs, i) -> new Overdue(rs.getString(1), rs.getString(2), new BigDecimal(rs.getString(3)),
                        Instant.ofEpochMilli(rs.getLong(4))), now.toEpochMilli());
    }

    /** The customer's payment term in force, in days (0 before any limit was approved). */
    public int paymentTermDays(String customerId) {
        return account(customerId).paymentTermDays();
    }

    /** The customer's row: limit, term, reserved and outstanding (all 0 before any). */
    private record Account(BigDecimal limit, int paymentTermDays, BigDecimal reserved, BigDecimal outstanding) {
    }

    private Account account(String customerId) {
        return jdbc.query("SELECT credit_limit, payment_term_days, reserved, outstanding FROM credit_account "
                        + "WHERE customer_id = ?", (rs, i) -> new Account(new BigDecimal(rs.getString(1)), rs.getInt(2),
                        new BigDecimal(rs.getString(3)), new BigDecimal(rs.getString(4))), customerId)
                .stream().findFirst().orElse(new Account(BigDecimal.ZERO, 0, BigDecimal.ZERO, BigDecimal.ZERO));
    }

    /** Whether a delivered order of this customer still has an amount open. */
    public boolean owes(String customerId, String orderId) {
        Integer open = jdbc.queryForObject("SELECT COUNT(*) FROM credit_receivable WHERE customer_id = ? AND order_id = ?",
                Integer.class, customerId, orderId);
        return open != null && open > 0;
    }

    /** A payment pays what {@link PaymentAllocation} says; what is left over is paid in advance (outstanding below 0). */
    @EventHandler
    void on(PaymentRecordedEvent event) {
        List<PaymentAllocation.Open> open = jdbc.query("SELECT order_id, open_amount, due_at FROM credit_receivable "
                        + "WHERE customer_id = ?", (rs, i) -> new PaymentAllocation.Open(rs.getString(1),
                        new BigDecimal(rs.getString(2)), Instant.ofEpochMilli(rs.getLong(3))), event.customerId());
        PaymentAllocation.Result after = PaymentAllocation.allocate(open,
                List.of(new PaymentAllocation.Paid(event.amount(), event.orderId())));
        jdbc.update("DELETE FROM credit_receivable WHERE customer_id = ?", event.customerId());
        for (PaymentAllocation.Open still : after.open()) {
            jdbc.update("INSERT INTO credit_receivable (order_id, customer_id, open_amount, due_at) VALUES (?, ?, ?, ?)",
                    still.orderId(), event.customerId(), still.amount().toPlainString(), still.dueAt().toEpochMilli());
        }
        Account account = account(event.customerId());
        save(event.customerId(), account.limit(), account.paymentTermDays(), account.reserved(),
                account.outstanding().subtract(event.amount()));
    }

    @EventHandler
    void on(CreditLimitRequestDecidedEvent event) {
        if (event.decision() == Decision.APPROVE) {
            Account account = account(event.customerId());
            save(event.customerId(), event.limit(), event.paymentTermDays(), account.reserved(), account.outstanding());
        }
    }

    @EventHandler
    void on(OrderApprovedEvent event) {
        Account account = account(event.customerId());
        save(event.customerId(), account.limit(), account.paymentTermDays(), account.reserved().add(event.reserved()),
                account.outstanding());
    }

    @EventHandler
    void on(OrderDeliveredEvent event) {
        Account account = account(event.customerId());
        save(event.customerId(), account.limit(), account.paymentTermDays(), account.reserved().subtract(event.total()),
                account.outstanding().add(event.total()));
        // what was paid in advance pays the delivered order first
        BigDecimal advance = account.outstanding().signum() < 0 ? account.outstanding().negate() : BigDecimal.ZERO;
        BigDecimal open = event.total().subtract(advance.min(event.total()));
        if (open.signum() > 0) {
            jdbc.update("INSERT INTO credit_receivable (order_id, customer_id, open_amount, due_at) VALUES (?, ?, ?, ?)",
                    event.orderId(), event.customerId(), open.toPlainString(), event.dueAt().toEpochMilli());
        }
    }

    @EventHandler
    void on(OrderCancelledEvent event) {
        if (event.released().signum() > 0) {
            Account account = account(event.customerId());
            save(event.customerId(), account.limit(), account.paymentTermDays(),
                    account.reserved().subtract(event.released()), account.outstanding());
        }
    }

    private void save(String customerId, BigDecimal limit, int term, BigDecimal reserved, BigDecimal outstanding) {
        int updated = jdbc.update("UPDATE credit_account SET credit_limit = ?, payment_term_days = ?, reserved = ?, "
                        + "outstanding = ? WHERE customer_id = ?", limit.toPlainString(), term, reserved.toPlainString(),
                outstanding.toPlainString(), customerId);
        if (updated == 0) {
            jdbc.update("INSERT INTO credit_account (customer_id, credit_limit, payment_term_days, reserved, outstanding) "
                    + "VALUES (?, ?, ?, ?, ?)", customerId, limit.toPlainString(), term, reserved.toPlainString(),
                    outstanding.toPlainString());
        }
    }
}
