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
    public record Entry(String productId, String name, String productLine, ProductUnit unit, BigDecimal listPrice) {
    }

    private final JdbcTemplate jdbc;

    public ProductCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Entry> find(String productId) {
        return jdbc.query("SELECT product_id, name, product_line, unit, list_price FROM product_catalog WHERE product_id = ?",
                (rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), ProductUnit.valueOf(rs.getString(4)),
                        new BigDecimal(rs.getString(5))), productId).stream().findFirst();
    }

    @EventHandler
    void on(ProductAddedEvent event) {
        jdbc.update("INSERT INTO product_catalog (product_id, name, product_line, unit, list_price) VALUES (?, ?, ?, ?, ?)",
                event.productId(), event.name(), event.productLine(), event.unit().name(), event.listPrice().toPlainString());
    }
}
