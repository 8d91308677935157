package com.customerledger.api.web;

import static com.customerledger.api.web.Requests.ID;
import static com.customerledger.api.web.Requests.ID_MESSAGE;

import com.customerledger.api.security.CurrentActor;
import com.customerledger.api.web.Requests.RegionRequest;
import com.customerledger.command.Actor;
import com.customerledger.command.assignment.AssignmentPreview;
import com.customerledger.command.assignment.AssignmentRules;
import com.customerledger.command.assignment.PreviewAssignmentQuery;
import com.customerledger.command.assignment.PublishAssignmentPolicyCommand;
import com.customerledger.events.AssignmentRule;
import com.customerledger.events.AssignmentStrategy;
import com.customerledger.events.CustomerType;
import com.customerledger.query.policy.AssignmentPolicyVersions;
import com.customerledger.query.policy.AssignmentPolicyView;
import com.customerledger.query.policy.FindAssignmentPolicyQuery;
import com.customerledger.query.policy.ListAssignmentPolicyVersionsQuery;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The assignment rules: publish a new version (ADMIN), read the one in force and every earlier one. */
@RestController
@RequestMapping("/api/policies/assignment")
class AssignmentPolicyController {

    private final Commands commands;
    private final Reads reads;
    private final CurrentActor currentActor;

    AssignmentPolicyController(Commands commands, Reads reads, CurrentActor currentActor) {
        this.commands = commands;
        this.reads = reads;
        this.currentActor = currentActor;
    }

    /** Which customers a rule applies to; every criterion left out matches all. */
    record Match(@Valid RegionRequest region, CustomerType type, @Size(min = 1, max = 100) String productLine) {
    }

    /** A rule's candidates: a JSON array of rep ids, or the string "territory". */
    record Candidates(boolean territory, List<String> repIds) {

        private static final java.util.regex.Pattern REP_ID = java.util.regex.Pattern.compile(ID);

        @JsonCreator
        static Candidates of(JsonNode json) {
            if (json.isTextual() && "territory".equals(json.asText())) {
                return new Candidates(true, List.of());
            }
            if (json.isArray() && !json.isEmpty() && json.size() <= Requests.MAX_LIST) {
                List<String> repIds = new ArrayList<>();
                for (JsonNode repId : json) {
                    if (!repId.isTextual() || !REP_ID.matcher(repId.asText()).matches()) {
                        throw new IllegalArgumentException("candidates must be rep ids");
                    }
                    repIds.add(repId.asText());
                }
                return new Candidates(false, List.copyOf(repIds));
            }
            throw new IllegalArgumentException("candidates must be \"territory\" or a list of 1 to 50 rep ids");
        }

        @JsonValue
        Object json() {
            return territory ? "territory" : repIds;
        }
    }

    record RuleBody(
            @Pattern(regexp = ID, message = ID_MESSAGE) String ruleId,
            @Valid Match match,
            @Schema(description = "Who may get the customer: the string \"territory\" (every active rep whose territory "
                    + "covers it) or a list of 1 to 50 rep ids.", oneOf = {String.class, String[].class},
                    example = "[\"rep-a\", \"rep-b\"]") @NotNull Candidates candidates,
            @NotNull AssignmentStrategy strategy) {

        AssignmentRule toRule() {
            Match criteria = match == null ? new Match(null, null, null) : match;
            return new AssignmentRule(ruleId, criteria.region() == null ? null : criteria.region().toRegion(),
                    criteria.type(), Requests.text(criteria.productLine()), candidates.territory(), candidates.repIds(),
                    strategy);
        }

        static RuleBody of(AssignmentRule rule) {
            RegionRequest region = rule.region() == null ? null
                    : new RegionRequest(rule.region().province(), rule.region().city(), rule.region().county());
            return new RuleBody(rule.ruleId(), new Match(region, rule.type(), rule.productLine()),
                    new Candidates(rule.byTerritory(), rule.candidates()), rule.strategy());
        }
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"rules\": [{\"ruleId\": \"weifang-farms\", \"match\": {\"region\": {\"province\": \"山东省\", \"city\": \"潍坊市\"}, \"type\": \"FARM\"}, \"candidates\": [\"rep-a\", \"rep-b\"], \"strategy\": \"ROUND_ROBIN\"}, {\"ruleId\": \"shandong\", \"match\": {\"region\": {\"province\": \"山东省\"}}, \"candidates\": \"territory\", \"strategy\": \"LEAST_LOADED\"}]}")
    record PolicyRequest(@NotNull @Size(max = 200) List<@NotNull @Valid RuleBody> rules) {
    }

    record PolicyBody(int version, List<RuleBody> rules, String publishedBy, Instant publishedAt) {

        static PolicyBody of(AssignmentPolicyView view) {
            return new PolicyBody(view.version(), view.rules().stream().map(RuleBody::of).toList(), view.publishedBy(),
                    view.publishedAt());
        }
    }

    record Published(int version, long position) {
    }

    @Operation(tags = ApiTags.POLICIES, summary = "Publish assignment rules",
            description = "ADMIN. An ordered list of rules (match on region, type, product line → candidates, strategy); the first match picks the owner of a new customer. A new version; earlier ones stay readable.")
    @PutMapping
    Published publish(@Valid @RequestBody PolicyRequest request) {
        Actor actor = currentActor.get();
        Commands.Accepted<Integer> accepted = commands.send(PublishAssignmentPolicyCommand.of(
                request.rules().stream().map(RuleBody::toRule).toList(), actor), actor);
        return new Published(accepted.result(), accepted.position());
    }

    /** What-if: the draft is run over every registered customer; nothing is appended or changed. */
    @Operation(tags = ApiTags.POLICIES, summary = "Preview draft assignment rules",
            description = "ADMIN. Runs the draft over every registered customer: who would move and each rep's load before and after. Appends nothing.")
    @PostMapping("/preview")
    AssignmentPreview.Result preview(@Valid @RequestBody PolicyRequest draft,
                                     @RequestParam(defaultValue = "200") @Min(0) @Max(10_000) int limit) {
        List<AssignmentRule> rules = AssignmentRules.named(draft.rules().stream().map(RuleBody::toRule).toList());
        return reads.query(new PreviewAssignmentQuery(rules, limit), ResponseTypes.instanceOf(AssignmentPreview.Result.class),
                null);
    }

    @Operation(tags = ApiTags.POLICIES, summary = "Read the assignment rules in force",
            description = "The current version with its rules. MANAGER, AUDITOR, ADMIN.")
    @GetMapping
    PolicyBody current(@RequestParam(required = false) @Min(0) Long minPosition) {
        return PolicyBody.of(reads.query(new FindAssignmentPolicyQuery(),
                ResponseTypes.instanceOf(AssignmentPolicyView.class), minPosition));
    }

    @Operation(tags = ApiTags.POLICIES, summary = "Every version of the assignment rules",
            description = "All published versions, oldest first, with who published them and when.")
    @GetMapping("/versions")
    List<PolicyBody> versions(@RequestParam(required = false) @Min(0) Long minPosition) {
        return reads.query(new ListAssignmentPolicyVersionsQuery(), ResponseTypes.instanceOf(AssignmentPolicyVersions.class),
                minPosition).versions().stream().map(PolicyBody::of).toList();
    }
}
