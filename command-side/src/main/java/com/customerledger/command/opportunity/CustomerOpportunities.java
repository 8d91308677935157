package com.customerledger.command.opportunity;

import com.customerledger.command.CommandLookups;
import com.customerledger.events.OpportunityAdvancedEvent;
import com.customerledger.events.OpportunityOpenedEvent;
import com.customerledger.events.OpportunityStage;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Each customer's opportunities and where they stand, kept with the events for the workflows that move them. */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
public class CustomerOpportunities {

    /** An opportunity not yet won or lost. */
    public record Open(String opportunityId, String productLine, OpportunityStage stage) {
    }

    private final JdbcTemplate jdbc;

    public CustomerOpportunities(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The customer's open opportunities, oldest first. */
    public List<Open> open(String customerId) {
        return jdbc.query("SELECT opportunity_id, product_line, stage FROM customer_opportunity WHERE customer_id = ? "
                        + "AND stage NOT IN ('WON', 'LOST') ORDER BY opportunity_id",
                (rs, i) -> new Open(rs.getString(1), rs.getString(2), OpportunityStage.valueOf(rs.getString(3))), customerId);
    }

    @EventHandler
    void on(OpportunityOpenedEvent event) {
        jdbc.update("INSERT INTO customer_opportunity (opportunity_id, customer_id, product_line, stage) VALUES (?, ?, ?, ?)",
                event.opportunityId(), event.customerId(), event.productLine(), OpportunityStage.LEAD.name());
    }

    @EventHandler
    void on(OpportunityAdvancedEvent event) {
        jdbc.update("UPDATE customer_opportunity SET stage = ? WHERE opportunity_id = ?", event.to().name(),
                event.opportunityId());
    }
}
