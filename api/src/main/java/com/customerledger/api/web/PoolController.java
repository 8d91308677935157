package com.customerledger.api.web;

import com.customerledger.api.security.CurrentActor;
import com.customerledger.command.Actor;
import com.customerledger.command.pool.SetPoolPolicyCommand;
import com.customerledger.events.CustomerType;
import com.customerledger.query.customer.CustomerFilter;
import com.customerledger.query.customer.CustomerPage;
import com.customerledger.query.customer.SearchCustomersQuery;
import com.customerledger.query.policy.FindPoolPolicyQuery;
import com.customerledger.query.policy.PoolPolicyView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public pool (公海): the policy that sends neglected customers back to it, and the customers in it. */
@RestController
class PoolController {

    private final Commands commands;
    private final Reads reads;
    private final CurrentActor currentActor;

    PoolController(Commands commands, Reads reads, CurrentActor currentActor) {
        this.commands = commands;
        this.reads = reads;
        this.currentActor = currentActor;
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"daysWithoutVisit\": 90, \"daysWithoutDeal\": 180, \"reminderDaysBefore\": 7}")
    record PoolPolicyRequest(
            @NotNull @Min(1) @Max(3650) Integer daysWithoutVisit,
            @NotNull @Min(1) @Max(3650) Integer daysWithoutDeal,
            @NotNull @Min(0) @Max(3650) Integer reminderDaysBefore) {
    }

    record PolicySet(int version, long position) {
    }

    @Operation(tags = ApiTags.POOL, summary = "Set the pool rules",
            description = "ADMIN. After `daysWithoutVisit` without a visit or `daysWithoutDeal` without a deal a customer returns to the pool; its owner is warned `reminderDaysBefore` days ahead.")
    @PutMapping("/api/policies/pool")
    PolicySet setPolicy(@Valid @RequestBody PoolPolicyRequest request) {
        Actor actor = currentActor.get();
        Commands.Accepted<Integer> accepted = commands.send(SetPoolPolicyCommand.of(request.daysWithoutVisit(),
                request.daysWithoutDeal(), request.reminderDaysBefore(), actor), actor);
        return new PolicySet(accepted.result(), accepted.position());
    }

    @Operation(tags = ApiTags.POOL, summary = "Read the pool rules",
            description = "The rules in force and their version. MANAGER, AUDITOR, ADMIN.")
    @GetMapping("/api/policies/pool")
    PoolPolicyView policy(@RequestParam(required = false) @Min(0) Long minPosition) {
        return reads.query(new FindPoolPolicyQuery(), ResponseTypes.instanceOf(PoolPolicyView.class), minPosition);
    }

    @Operation(tags = ApiTags.POOL, summary = "Customers in the public pool",
            description = "Customers without an owner, claimable by any rep, by name; filter by `region` or `type`.")
    @GetMapping("/api/pool")
    CustomerPage pool(@RequestParam(required = false) @Size(max = 200) String q,
                      @RequestParam(required = false) CustomerType type,
                      @RequestParam(required = false) @Size(max = 160) String region,
                      @Valid @ParameterObject PageParams page,
                      @RequestParam(required = false) @Min(0) Long minPosition) {
        return reads.query(new SearchCustomersQuery(new CustomerFilter(q, type, region, null, true, null), null, page.toRequest()),
                ResponseTypes.instanceOf(CustomerPage.class), minPosition);
    }
}
