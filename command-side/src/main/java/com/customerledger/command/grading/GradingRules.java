package com.customerledger.command.grading;

import com.customerledger.command.CommandLookups;
import com.customerledger.events.GradeThreshold;
import com.customerledger.events.GradingPolicySetEvent;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The grading policy in force, kept on the command side where regrading decides. */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
public class GradingRules {

    private final JdbcTemplate jdbc;

    public GradingRules(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<GradingPolicySetEvent> current() {
        List<GradingPolicySetEvent> rows = jdbc.query("SELECT version, s_volume, s_margin, s_months, a_volume, a_margin, "
                        + "a_months, b_volume, b_margin, b_months, set_by FROM grading_policy",
                (rs, i) -> new GradingPolicySetEvent(rs.getInt(1),
                        new GradeThreshold(rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getInt(4)),
                        new GradeThreshold(rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getInt(7)),
                        new GradeThreshold(rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getInt(10)), rs.getString(11)));
        return rows.stream().findFirst();
    }

    @EventHandler
    void on(GradingPolicySetEvent event) {
        jdbc.update("DELETE FROM grading_policy");
        jdbc.update("INSERT INTO grading_policy (version, s_volume, s_margin, s_months, a_volume, a_margin, a_months, "
                        + "b_volume, b_margin, b_months, set_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", event.version(),
                event.s().minVolume(), event.s().minMargin(), event.s().minActiveMonths(), event.a().minVolume(),
                event.a().minMargin(), event.a().minActiveMonths(), event.b().minVolume(), event.b().minMargin(),
                event.b().minActiveMonths(), event.setBy());
    }
}
