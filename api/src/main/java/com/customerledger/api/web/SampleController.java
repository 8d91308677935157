package com.customerledger.api.web;

import com.customerledger.api.security.CurrentActor;
import com.customerledger.command.Actor;
import com.customerledger.command.sample.DispatchSampleCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Samples customers asked for during visits: the warehouse sends them. */
@RestController
class SampleController {

    private final Commands commands;
    private final CurrentActor currentActor;

    SampleController(Commands commands, CurrentActor currentActor) {
        this.commands = commands;
        this.currentActor = currentActor;
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"note\": \"顺丰 SF1234567890\"}")
    record DispatchRequest(@Size(max = 500) String note) {
    }

    record Dispatched(String sampleId, long position) {
    }

    @Operation(tags = ApiTags.ACTIVITY, summary = "Send a requested sample",
            description = "WAREHOUSE or ADMIN. The sample a visit asked for (its id `<customerId>:<visitId>`, as the "
                    + "warehouse's task in the inbox shows it) is sent: the task is done, the rep who made the visit is told "
                    + "(with the note), and the customer's open opportunity in the sample's product line (or its only open "
                    + "one) moves to SAMPLE_SENT if it is not that far yet. Sent already: answered the same, nothing changes.")
    @PostMapping("/api/samples/{sampleId}/dispatch")
    Dispatched dispatch(@PathVariable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,199}",
                                message = "must be 1-200 letters, digits, '.', '_', ':' or '-'") String sampleId,
                        @Valid @RequestBody(required = false) DispatchRequest request) {
        Actor actor = currentActor.get();
        Commands.Accepted<Object> accepted = commands.send(new DispatchSampleCommand(sampleId,
                request == null ? null : Requests.text(request.note()), actor), actor);
        return new Dispatched(sampleId, accepted.position());
    }
}
