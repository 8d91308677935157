package com.customerledger.api.web;


import com.customerledger.api.security.CurrentActor;
import com.customerledger.command.Actor;
import com.customerledger.command.Role;
import com.customerledger.command.inbox.MarkInboxItemDoneCommand;
import com.customerledger.query.inbox.FindInboxQuery;
import com.customerledger.query.inbox.InboxPage;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every user's inbox: the tasks and notices the ledger's rules put there. */
@RestController
class InboxController {

    private final Commands commands;
    private final Reads reads;
    private final CurrentActor currentActor;

    InboxController(Commands commands, Reads reads, CurrentActor currentActor) {
        this.commands = commands;
        this.reads = reads;
        this.currentActor = currentActor;
    }

    record Done(String inboxItemId, long position) {
    }

    @Operation(tags = ApiTags.INBOX, summary = "My inbox",
            description = "Any user: the tasks and notices for the caller, for the rep it acts as and for its roles "
                    + "(follow-ups due, pool warnings, reviews, sample tasks, tickets, escalations, birthdays, campaigns, "
                    + "overdue credit, next purchases). Open ones only unless `done=true` (then all); `kind` narrows it. "
                    + "Open items first, the soonest due first (notices without a due time before them), then the newest.")
    @GetMapping("/api/inbox")
    InboxPage inbox(@RequestParam(required = false) Boolean done,
                    @RequestParam(required = false) @Pattern(regexp = "FOLLOW_UP_DUE|POOL_WARNING|REVIEW|SAMPLE_TASK|"
                            + "SAMPLE_SENT|TICKET|ESCALATION|BIRTHDAY|CAMPAIGN|OVERDUE_CREDIT|NEXT_PURCHASE") String kind,
                    @Valid @ParameterObject PageParams page, @RequestParam(required = false) @Min(0) Long minPosition) {
        Actor actor = currentActor.get();
        return reads.query(new FindInboxQuery(actor.repId(), actor.userId(),
                        actor.roles().stream().map(Role::name).collect(Collectors.toSet()), Boolean.TRUE.equals(done), kind,
                        page.toRequest()), ResponseTypes.instanceOf(InboxPage.class), minPosition);
    }

    @Operation(tags = ApiTags.INBOX, summary = "Mark an inbox item done",
            description = "Someone the item went to (for an item of a role, any user with it) marks it done; it leaves "
                    + "everyone's open list. Done already: answered the same, nothing changes. Not in the caller's inbox, "
                    + "or unknown: 404.")
    @PostMapping("/api/inbox/{inboxItemId}/done")
    Done done(@PathVariable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,199}", message = "must be 1-200 letters, digits, '.', '_', ':' or '-'") String inboxItemId) {
        Actor actor = currentActor.get();
        Commands.Accepted<Object> accepted = commands.send(new MarkInboxItemDoneCommand(inboxItemId, actor), actor);
        return new Done(inboxItemId, accepted.position());
    }
}
