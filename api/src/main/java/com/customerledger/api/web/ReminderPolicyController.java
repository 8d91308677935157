package com.customerledger.api.web;

import static com.customerledger.api.web.Requests.ID;
import static com.customerledger.api.web.Requests.ID_MESSAGE;

import com.customerledger.api.security.CurrentActor;
import com.customerledger.command.Actor;
import com.customerledger.command.reminder.ReminderPolicy;
import com.customerledger.command.reminder.SetReminderPolicyCommand;
import com.customerledger.events.reminder.CampaignMatch;
import com.customerledger.events.reminder.ReminderCampaign;
import com.customerledger.query.policy.FindReminderPolicyQuery;
import com.customerledger.query.policy.ReminderPolicyView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The reminder policy: contacts' birthdays and solar-term campaigns that reach customers at the right moment. */
@RestController
class ReminderPolicyController {

    private final Commands commands;
    private final Reads reads;
    private final CurrentActor currentActor;

    ReminderPolicyController(Commands commands, Reads reads, CurrentActor currentActor) {
        this.commands = commands;
        this.reads = reads;
        this.currentActor = currentActor;
    }

    record MatchRequest(@Valid Requests.RegionRequest region,
                        @Size(max = 50) List<@NotBlank @Size(max = 64) String> crops,
                        @Size(max = 50) List<@NotBlank @Size(max = 64) String> species) {
    }

    record CampaignRequest(@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String campaignId,
                           @NotBlank @Size(max = 20) String solarTerm,
                           @NotNull @Min(0) @Max(ReminderPolicy.MAX_DAYS_BEFORE) Integer daysBefore,
                           @Valid MatchRequest match,
                           @Pattern(regexp = ID, message = ID_MESSAGE) String articleId) {
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"birthdayDaysBefore\": 3, \"nextPurchaseDaysBefore\": 5, \"campaigns\": [{\"campaignId\": \"bailu-wheat\", \"solarTerm\": \"白露\", \"daysBefore\": 7, \"match\": {\"region\": {\"province\": \"山东省\"}, \"crops\": [\"wheat\"]}, \"articleId\": \"kb-wheat-base-fertilizer\"}]}")
    record ReminderPolicyRequest(@Min(0) @Max(ReminderPolicy.MAX_DAYS_BEFORE) Integer birthdayDaysBefore,
                                 @Min(0) @Max(ReminderPolicy.MAX_DAYS_BEFORE) Integer nextPurchaseDaysBefore,
                                 @NotNull @Size(max = 100) List<@NotNull @Valid CampaignRequest> campaigns) {
    }

    record PolicySet(int version, long position) {
    }

    @Operation(tags = ApiTags.POLICIES, summary = "Set the reminder rules",
            description = "ADMIN. Contacts' birthdays (`MM-DD`, solar or lunar) are put in the owner's inbox "
                    + "`birthdayDaysBefore` days ahead (absent: no birthday notices); a farm whose last delivery is expected to run out "
                    + "(`GET /api/customers/{id}/next-purchase`) within `nextPurchaseDaysBefore` days gets one notice to its "
                    + "owner per last delivery; each campaign, `daysBefore` days "
                    + "before its solar term (one of the 24 by its Chinese name, 立秋, 白露, …; days in China Standard "
                    + "Time), gives every owned customer it matches (region, any of the crops, any of the species) one notice "
                    + "to its owner. One notice per occasion, however often the ledger looks or restarts. An unknown solar "
                    + "term, a campaign id listed twice: 400 `invalid-policy`.")
    @PutMapping("/api/policies/reminders")
    PolicySet setPolicy(@Valid @RequestBody ReminderPolicyRequest request) {
        Actor actor = currentActor.get();
        List<ReminderCampaign> campaigns = request.campaigns().stream().map(campaign -> new ReminderCampaign(
                campaign.campaignId(), campaign.solarTerm().strip(), campaign.daysBefore(), campaign.match() == null
                ? new CampaignMatch(null, List.of(), List.of())
                : new CampaignMatch(campaign.match().region() == null ? null : campaign.match().region().toRegion(),
                        Requests.trimmed(campaign.match().crops()), Requests.trimmed(campaign.match().species())),
                campaign.articleId())).toList();
        Commands.Accepted<Integer> accepted = commands.send(SetReminderPolicyCommand.of(request.birthdayDaysBefore(),
                request.nextPurchaseDaysBefore(), campaigns, actor), actor);
        return new PolicySet(accepted.result(), accepted.position());
    }

    @Operation(tags = ApiTags.POLICIES, summary = "Read the reminder rules",
            description = "The rules in force and their version (0: none set). MANAGER, AUDITOR, ADMIN.")
    @GetMapping("/api/policies/reminders")
    ReminderPolicyView policy(@RequestParam(required = false) @Min(0) Long minPosition) {
        return reads.query(new FindReminderPolicyQuery(), ResponseTypes.instanceOf(ReminderPolicyView.class), minPosition);
    }
}
