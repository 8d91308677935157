package com.customerledger.command.pricing;

import com.customerledger.command.CommandLookups;
import com.customerledger.events.pricing.ProductAddedEvent;
import com.customerledger.events.pricing.ProductUnit;
import java.math.BigDecimal;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The catalogue as the command side needs it to check pricing rules and price orders, kept with the events. */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
public class ProductCatalog {

    /** A product as the command side knows it. */
    public record Entry(String productId, String name, String productLine, ProductUnit unit, BigDecimal listPrice,
                        BigDecimal unitCost) {
    }

    private final JdbcTemplate jdbc;

    public ProductCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Entry> find(String productId) {
        return jdbc.query("SELECT p.product_id, p.name, p.product_line, p.unit, p.list_price, c.unit_cost FROM product_catalog p "
                + "LEFT JOIN product_cost c ON c.product_id = p.product_id WHERE p.product_id = ?",
                (rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), ProductUnit.valueOf(rs.getString(4)),
                        new BigDecimal(rs.getString(5)), rs.getString(6) == null ? null : new BigDecimal(rs.getString(6))),
                productId).stream().findFirst();
    }

    @EventHandler
    void on(ProductAddedEvent event) {
        jdbc.update("INSERT INTO product_catalog (product_id, name, product_line, unit, list_price) VALUES (?, ?, ?, ?, ?)",
                event.productId(), event.name(), event.productLine(), event.unit().name(), event.listPrice().toPlainString());
        if (event.unitCost() != null) {
            jdbc.update("INSERT INTO product_cost (product_id, unit_cost) VALUES (?, ?)", event.productId(),
                    event.unitCost().toPlainString());
        }
    }
}
