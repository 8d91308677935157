package com.customerledger.command.assignment;

import com.customerledger.command.CommandLookups;
import com.customerledger.command.rep.RepBook;
import com.customerledger.events.AssignmentPolicyPublishedEvent;
import com.customerledger.events.AssignmentRule;
import com.customerledger.events.AssignmentStrategy;
import com.customerledger.events.CustomerProfile;
import com.customerledger.events.CustomerRegisteredEvent;
import com.customerledger.events.CustomerTransferredEvent;
import com.customerledger.events.CustomerType;
import com.customerledger.events.Region;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where the live assignment is decided: the active rules and each rule's turn are kept in the
 * command side's database. Deciding reads the matched rule's turn inside the registration's write
 * transaction, which holds the store's single write lock until it commits, so concurrent
 * registrations under one rule take turns strictly; the turn moves on only when a
 * registration event naming the rule is stored, so it is part of the event stream and survives
 * restarts and replays of the read models.
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
public class AssignmentDesk {

    private static final String SEPARATOR = "|";

    private final JdbcTemplate jdbc;
    private final RepBook repBook;

    public AssignmentDesk(JdbcTemplate jdbc, RepBook repBook) {
        this.jdbc = jdbc;
        this.repBook = repBook;
    }

    /** Decides the owner of a new customer under the active rules; call within the registering transaction. */
    public Decision decide(CustomerProfile customer) {
        List<AssignmentRule> rules = activeRules();
        Integer version = activeVersion();
        if (version == null) {
            return Decision.unassigned("no assignment policy has been published", null, null);
        }
        return AssignmentRules.match(rules, customer)
                .map(rule -> {
                    String previous = lockTurn(rule.ruleId());
                    Map<String, String> lastAssigned = new HashMap<>();
                    if (previous != null) {
                        lastAssigned.put(rule.ruleId(), previous);
                    }
                    return AssignmentRules.decide(version, List.of(rule), customer, repBook.candidates(), lastAssigned);
                })
                .orElseGet(() -> AssignmentRules.decide(version, List.of(), customer, Map.of(), Map.of()));
    }

    private Integer activeVersion() {
        List<Integer> versions = jdbc.query("SELECT version FROM assignment_policy_version", (rs, i) -> rs.getInt(1));
        return versions.isEmpty() ? null : versions.get(0);
    }

    /** The rules of the active policy, in their order. */
    public List<AssignmentRule> activeRules() {
        return jdbc.query("SELECT rule_id, province, city, county, customer_type, product_line, by_territory, candidates, "
                + "strategy FROM assignment_rule ORDER BY position", (rs, i) -> new AssignmentRule(
                rs.getString(1),
                rs.getString(2) == null ? null : new Region(rs.getString(2), rs.getString(3), rs.getString(4)),
                rs.getString(5) == null ? null : CustomerType.valueOf(rs.getString(5)),
                rs.getString(6),
                rs.getBoolean(7),
                split(rs.getString(8)),
                AssignmentStrategy.valueOf(rs.getString(9))));
    }

    /**
     * The rule's previous assignee, to stay as read until the registration commits: the transaction
     * holds the store's single write lock from its {@code BEGIN IMMEDIATE} on (see
     * {@link RepBook#lockBook}), so registrations under one rule read and move its turn one at a time.
     */
    private String lockTurn(String ruleId) {
        List<String> rows = jdbc.query("SELECT last_rep_id FROM assignment_turn WHERE rule_id = ?",
                (rs, i) -> rs.getString(1), ruleId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    @EventHandler
    void on(AssignmentPolicyPublishedEvent event) {
        jdbc.update("DELETE FROM assignment_rule");
        List<AssignmentRule> rules = event.rules();
        for (int i = 0; i < rules.size(); i++) {
            AssignmentRule rule = rules.get(i);
            Region region = rule.region();
            jdbc.update("INSERT INTO assignment_rule (position, rule_id, province, city, county, customer_type, "
                            + "product_line, by_territory, candidates, strategy) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    i, rule.ruleId(), region == null ? null : region.province(), region == null ? null : region.city(),
                    region == null ? null : region.county(), rule.type() == null ? null : rule.type().name(),
                    rule.productLine(), rule.byTerritory(), String.join(SEPARATOR, rule.candidates()),
                    rule.strategy().name());
            if (jdbc.queryForObject("SELECT COUNT(*) FROM assignment_turn WHERE rule_id = ?", Integer.class,
                    rule.ruleId()) == 0) {
                jdbc.update("INSERT INTO assignment_turn (rule_id, last_rep_id) VALUES (?, NULL)", rule.ruleId());
            }
        }
        jdbc.update("DELETE FROM assignment_policy_version");
        jdbc.update("INSERT INTO assignment_policy_version (version) VALUES (?)", event.version());
    }

    @EventHandler
    void on(CustomerRegisteredEvent event) {
        takeTurn(event.assignedByRule(), event.ownerRepId());
    }

    @EventHandler
    void on(CustomerTransferredEvent event) {
        takeTurn(event.assignedByRule(), event.toRepId());
    }

    private void takeTurn(String ruleId, String repId) {
        if (ruleId != null && repId != null) {
            jdbc.update("UPDATE assignment_turn SET last_rep_id = ? WHERE rule_id = ?", repId, ruleId);
        }
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\\" + SEPARATOR));
    }
}
