package com.customerledger.api.web;

import static com.customerledger.api.web.Requests.CREDIT_CODE;
import static com.customerledger.api.web.Requests.ID;
import static com.customerledger.api.web.Requests.ID_MESSAGE;
import static com.customerledger.api.web.Requests.MAX_LIST;
import static com.customerledger.api.web.Requests.PHONE;

import com.customerledger.api.security.CurrentActor;
import com.customerledger.api.web.Requests.ContactRequest;
import com.customerledger.api.web.Requests.RegionRequest;
import com.customerledger.api.web.Requests.ScaleRequest;
import com.customerledger.command.Actor;
import com.customerledger.command.customer.AddCollaboratorCommand;
import com.customerledger.command.customer.ClaimCustomerCommand;
import com.customerledger.command.customer.CustomerId;
import com.customerledger.command.customer.RecordDealCommand;
import com.customerledger.command.customer.RecordVisitCommand;
import com.customerledger.command.customer.RegisterCustomerCommand;
import com.customerledger.command.customer.RegistrationResult;
import com.customerledger.command.customer.ReleaseCustomerCommand;
import com.customerledger.command.customer.RemoveCollaboratorCommand;
import com.customerledger.command.customer.ReverseOwnershipChangeCommand;
import com.customerledger.command.customer.TransferCustomerCommand;
import com.customerledger.command.customer.UpdateCustomerProfileCommand;
import com.customerledger.events.CollaboratorRole;
import com.customerledger.events.CustomerProfile;
import com.customerledger.events.CustomerType;
import com.customerledger.events.GeoPoint;
import com.customerledger.events.Grade;
import com.customerledger.events.TransferReason;
import com.customerledger.events.SampleRequest;
import com.customerledger.events.VisitChannel;
import com.customerledger.events.VisitIntent;
import com.customerledger.query.customer.CustomerFilter;
import com.customerledger.query.customer.CustomerPage;
import com.customerledger.query.customer.CustomerView;
import com.customerledger.query.customer.SearchCustomersQuery;
import com.customerledger.query.funnel.FindCustomerOpportunitiesQuery;
import com.customerledger.query.funnel.OpportunityPage;
import com.customerledger.query.ownership.FindOwnershipQuery;
import com.customerledger.query.ownership.OwnershipView;
import com.customerledger.query.visit.DealPage;
import com.customerledger.query.visit.FindDealsQuery;
import com.customerledger.query.visit.FindVisitsQuery;
import com.customerledger.query.visit.VisitPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Customers: registration, profile, ownership (claim, transfer, release), collaborators, and reads of the 360 view. */
@RestController
@RequestMapping("/api/customers")
class CustomerController {

    private final Commands commands;
    private final Reads reads;
    private final CurrentActor currentActor;
    private final CustomerAccess access;

    CustomerController(Commands commands, Reads reads, CurrentActor currentActor, CustomerAccess access) {
        this.commands = commands;
        this.reads = reads;
        this.currentActor = currentActor;
        this.access = access;
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"customerId\": \"c-lvyuan\", \"name\": \"寿光市绿源养殖有限公司\", \"type\": \"FARM\", \"region\": {\"province\": \"山东省\", \"city\": \"潍坊市\", \"county\": \"寿光市\"}, \"address\": \"寿光市文圣街道农圣东街1号\", \"creditCode\": \"91370783MA3C5BXX0X\", \"phone\": \"13805361234\", \"contacts\": [{\"name\": \"王建国\", \"title\": \"场长\", \"phone\": \"13805361235\"}], \"scale\": {\"value\": 5000, \"unit\": \"HEAD\"}, \"species\": [\"pig\"], \"productLines\": [\"feed\"], \"source\": \"展会\"}")
    record RegisterCustomerRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String customerId,
            @NotBlank @Size(max = 200) String name,
            @NotNull CustomerType type,
            @NotNull @Valid RegionRequest region,
            @Size(max = 500) String address,
            @Pattern(regexp = CREDIT_CODE, message = "must be an 18-character unified social credit code") String creditCode,
            @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
            @Size(max = MAX_LIST) List<@NotNull @Valid ContactRequest> contacts,
            @Valid ScaleRequest scale,
            @Size(max = MAX_LIST) List<@NotBlank @Size(max = 100) String> species,
            @Size(max = MAX_LIST) List<@NotBlank @Size(max = 100) String> crops,
            @Size(max = MAX_LIST) List<@NotBlank @Size(max = 100) String> productLines,
            @Size(max = 100) String source,
            @Pattern(regexp = ID, message = ID_MESSAGE) String ownerRepId) {

        CustomerProfile toProfile() {
            return new CustomerProfile(name.trim(), type, region.toRegion(), Requests.text(address),
                    Requests.creditCode(creditCode), Requests.text(phone), Requests.contacts(contacts),
                    scale == null ? null : scale.toScale(), Requests.trimmed(species), Requests.trimmed(crops),
                    Requests.trimmed(productLines), Requests.text(source));
        }
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"address\": \"寿光市洛城街道新城路8号\", \"phone\": \"13805369999\"}")
    record UpdateProfileRequest(
            @Size(min = 1, max = 200) String name,
            CustomerType type,
            @Valid RegionRequest region,
            @Size(max = 500) String address,
            @Pattern(regexp = CREDIT_CODE, message = "must be an 18-character unified social credit code") String creditCode,
            @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
            @Size(max = MAX_LIST) List<@NotNull @Valid ContactRequest> contacts,
            @Valid ScaleRequest scale,
            @Size(max = MAX_LIST) List<@NotBlank @Size(max = 100) String> species,
            @Size(max = MAX_LIST) List<@NotBlank @Size(max = 100) String> crops,
            @Size(max = MAX_LIST) List<@NotBlank @Size(max = 100) String> productLines,
            @Size(max = 100) String source) {
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"toRepId\": \"rep-b\", \"reason\": \"REBALANCE\", \"expectedOwnerRepId\": \"rep-a\", \"note\": \"区域调整\"}")
    record TransferRequest(
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String toRepId,
            @NotNull TransferReason reason,
            Instant effectiveAt,
            @Pattern(regexp = ID, message = ID_MESSAGE) String expectedOwnerRepId,
            @Size(max = 1000) String note) {
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"reason\": \"客户停业\"}")
    record ReleaseRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"repId\": \"rep-b\", \"role\": \"VIEWER\"}")
    record CollaboratorRequest(
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String repId,
            @NotNull CollaboratorRole role) {
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"visitId\": \"v-20261102-01\", \"visitedAt\": \"2026-11-02T02:30:00Z\", \"channel\": \"ON_SITE\", \"notes\": \"看了猪舍，母猪存栏600头，想试用教槽料\", \"outcome\": \"同意试用\", \"nextFollowUpAt\": \"2026-11-09T02:00:00Z\", \"location\": {\"lat\": 36.88, \"lon\": 118.79}, \"intent\": \"HIGH\", \"sampleRequest\": {\"productId\": \"feed-creep-20\", \"quantity\": 2}}")
    record VisitRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String visitId,
            @NotNull Instant visitedAt,
            @NotNull VisitChannel channel,
            @NotBlank @Size(max = 4000) String notes,
            @Size(max = 500) String outcome,
            Instant nextFollowUpAt,
            @Valid LocationRequest location,
            VisitIntent intent,
            @Valid SampleRequestBody sampleRequest) {
    }

    record SampleRequestBody(@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String productId,
                             @NotNull @Positive @Digits(integer = 9, fraction = 3) BigDecimal quantity) {
    }

    record LocationRequest(@NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
                           @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"dealId\": \"d-20261103-01\", \"productLine\": \"feed\", \"amount\": \"128000.00\", \"margin\": \"15360.00\", \"closedAt\": \"2026-11-03T06:00:00Z\"}")
    record DealRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String dealId,
            @NotBlank @Size(max = 100) String productLine,
            @NotNull @Positive @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotNull @Digits(integer = 12, fraction = 2) BigDecimal margin,
            @NotNull Instant closedAt) {

        @AssertTrue(message = "margin cannot exceed the amount")
        boolean isMarginWithinAmount() {
            return amount == null || margin == null || margin.compareTo(amount) <= 0;
        }
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"eventId\": \"7f0c2a4e-3b1d-4c55-9a8e-2d6f1b0c9e11\", \"reason\": \"转错了客户\"}")
    record ReversalRequest(@NotBlank @Size(max = 100) String eventId, @NotBlank @Size(max = 500) String reason) {
    }

    record VisitRecorded(String customerId, String visitId, long position) {
    }

    record DealRecorded(String customerId, String dealId, String creditedRepId, long position) {
    }

    record CustomerRegistered(String customerId, String ownerRepId, String assignedByRule, Integer policyVersion,
                              String unassignedReason, long position) {
    }

    record CustomerWritten(String customerId, long position) {
    }

    @Operation(tags = ApiTags.CUSTOMERS, summary = "Register a customer",
            description = "A REP registers a lead for themself; MANAGER and ADMIN name an owner or let the assignment rules choose (or leave it in the pool). The same customer twice (by credit code, phone, or name within a county) is 409 `duplicate-customer` naming `existingCustomerId` and `currentOwnerRepId`.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<CustomerRegistered> register(@Valid @RequestBody RegisterCustomerRequest request) {
        Actor actor = currentActor.get();
        String customerId = request.customerId() != null ? request.customerId() : "cus-" + UUID.randomUUID();
        Commands.Accepted<RegistrationResult> accepted = commands.send(new RegisterCustomerCommand(
                new CustomerId(customerId), request.toProfile(), request.ownerRepId(), actor), actor);
        RegistrationResult result = accepted.result();
        return ResponseEntity.created(URI.create("/api/customers/" + customerId))
                .body(new CustomerRegistered(result.customerId(), result.ownerRepId(), result.assignedByRule(),
                        result.policyVersion(), result.unassignedReason(), accepted.position()));
    }

    @Operation(tags = ApiTags.CUSTOMERS, summary = "Edit a customer's profile",
            description = "The members given replace those of the profile; the others stay. The owner, an EDITOR collaborator, MANAGER or ADMIN.")
    @PatchMapping("/{customerId}")
    CustomerWritten update(@PathVariable String customerId, @Valid @RequestBody UpdateProfileRequest request) {
        Actor actor = currentActor.get();
        return written(customerId, commands.send(new UpdateCustomerProfileCommand(new CustomerId(customerId),
                Requests.text(request.name()), request.type(), request.region() == null ? null : request.region().toRegion(),
                Requests.text(request.address()), Requests.creditCode(request.creditCode()), Requests.text(request.phone()),
                Requests.contacts(request.contacts()), request.scale() == null ? null : request.scale().toScale(),
                Requests.trimmed(request.species()), Requests.trimmed(request.crops()),
                Requests.trimmed(request.productLines()), Requests.text(request.source()), actor), actor));
    }

    @Operation(tags = ApiTags.CUSTOMERS, summary = "Claim a customer from the pool",
            description = "A REP takes a customer without an owner. 409 `customer-already-owned` with `currentOwnerRepId` when someone was faster.")
    @PostMapping("/{customerId}/claim")
    CustomerWritten claim(@PathVariable String customerId) {
        Actor actor = currentActor.get();
        return written(customerId, commands.send(new ClaimCustomerCommand(new CustomerId(customerId), actor), actor));
    }

    @Operation(tags = ApiTags.OWNERSHIP, summary = "Transfer a customer to another rep",
            description = "MANAGER or ADMIN, with a reason; `effectiveAt` may backdate the move but not before the last ownership change; `expectedOwnerRepId` makes it conditional (409 `owner-changed` otherwise).")
    @PostMapping("/{customerId}/transfer")
    CustomerWritten transfer(@PathVariable String customerId, @Valid @RequestBody TransferRequest request) {
        Actor actor = currentActor.get();
        return written(customerId, commands.send(new TransferCustomerCommand(new CustomerId(customerId),
                request.toRepId(), request.reason(), request.effectiveAt(), request.expectedOwnerRepId(),
                Requests.text(request.note()), null, actor), actor));
    }

    @Operation(tags = ApiTags.OWNERSHIP, summary = "Release a customer to the pool",
            description = "The owner, MANAGER or ADMIN, with a reason (a body is required). The customer becomes claimable by any rep.")
    @PostMapping("/{customerId}/release")
    CustomerWritten release(@PathVariable String customerId, @Valid @RequestBody ReleaseRequest request) {
        Actor actor = currentActor.get();
        return written(customerId, commands.send(
                new ReleaseCustomerCommand(new CustomerId(customerId), request.reason().trim(), actor), actor));
    }

    @Operation(tags = ApiTags.CUSTOMERS, summary = "Share a customer with a collaborator",
            description = "Gives another rep the role EDITOR (may record visits and edit) or VIEWER (may read). The owner, MANAGER or ADMIN.")
    @PostMapping("/{customerId}/collaborators")
    CustomerWritten addCollaborator(@PathVariable String customerId, @Valid @RequestBody CollaboratorRequest request) {
        Actor actor = currentActor.get();
        return written(customerId, commands.send(
                new AddCollaboratorCommand(new CustomerId(customerId), request.repId(), request.role(), actor), actor));
    }

    @Operation(tags = ApiTags.CUSTOMERS, summary = "Stop sharing a customer with a rep",
            description = "Removes the rep's collaborator role. The owner, MANAGER or ADMIN.")
    @DeleteMapping("/{customerId}/collaborators/{repId}")
    CustomerWritten removeCollaborator(@PathVariable String customerId, @PathVariable String repId) {
        Actor actor = currentActor.get();
        return written(customerId, commands.send(
                new RemoveCollaboratorCommand(new CustomerId(customerId), repId, null, actor), actor));
    }

    @Operation(tags = ApiTags.CUSTOMERS, summary = "Search customers",
            description = "Over the 360 view, by name, phone or credit code (`q`), type, region, owner, pool and grade, by name. A REP finds only customers they own or collaborate on, and the pool.")
    @GetMapping
    CustomerPage search(@RequestParam(required = false) @Size(max = 200) String q,
                                  @RequestParam(required = false) CustomerType type,
                                  @RequestParam(required = false) @Size(max = 160) String region,
                                  @RequestParam(required = false) @Size(max = 64) String ownerRepId,
                                  @RequestParam(required = false) Boolean inPool,
                                  @RequestParam(required = false) Grade grade,
                                  @Valid @ParameterObject PageParams page,
                                  @RequestParam(required = false) @Min(0) Long minPosition) {
        Actor actor = currentActor.get();
        String visibleTo = CustomerAccess.seesEverything(actor) ? null : actor.repId() == null ? "" : actor.repId();
        return reads.query(new SearchCustomersQuery(new CustomerFilter(q, type, region, ownerRepId, inPool, grade), visibleTo,
                page.toRequest()), ResponseTypes.instanceOf(CustomerPage.class), minPosition);
    }

    /**
     * Voids an ownership change as a mistake: the latest gives the customer back to its earlier owner,
     * an earlier one corrects only the history. The history keeps both the change and its reversal.
     */
    @Operation(tags = ApiTags.OWNERSHIP, summary = "Reverse a mistaken ownership change",
            description = "MANAGER or ADMIN. Voids the change `eventId` as a mistake: the latest gives the customer back to its earlier owner, an earlier one corrects only the history. The history keeps both.")
    @PostMapping("/{customerId}/ownership/reversals")
    CustomerWritten reverse(@PathVariable String customerId, @Valid @RequestBody ReversalRequest request) {
        Actor actor = currentActor.get();
        return written(customerId, commands.send(new ReverseOwnershipChangeCommand(new CustomerId(customerId),
                request.eventId(), request.reason().trim(), actor), actor));
    }

    @Operation(tags = ApiTags.ACTIVITY, summary = "Record a visit",
            description = "The owner or an EDITOR collaborator records a contact (on site, phone, message) with notes, outcome and next follow-up. `intent: HIGH` puts a review task in the inbox of the rep's manager (every MANAGER user when the rep has none); a `sampleRequest` (a product of the catalogue, unknown: 404) puts a dispatch task in the WAREHOUSE inbox (`POST /api/samples/{visitId}/dispatch`). Repeating the same `visitId` with the same data appends nothing.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{customerId}/visits")
    ResponseEntity<VisitRecorded> recordVisit(@PathVariable String customerId, @Valid @RequestBody VisitRequest request) {
        Actor actor = currentActor.get();
        String visitId = request.visitId() != null ? request.visitId() : "visit-" + UUID.randomUUID();
        Commands.Accepted<Object> accepted = commands.send(new RecordVisitCommand(new CustomerId(customerId), visitId,
                request.visitedAt(), request.channel(), request.notes().trim(), Requests.text(request.outcome()),
                request.nextFollowUpAt(), request.location() == null ? null
                : new GeoPoint(request.location().lat(), request.location().lon()), request.intent(),
                request.sampleRequest() == null ? null
                        : new SampleRequest(request.sampleRequest().productId(), request.sampleRequest().quantity()), actor),
                actor);
        return ResponseEntity.created(URI.create("/api/customers/" + customerId + "/visits"))
                .body(new VisitRecorded(customerId, visitId, accepted.position()));
    }

    @Operation(tags = ApiTags.ACTIVITY, summary = "A customer's visits",
            description = "The visit timeline, newest first. Whoever may read the customer.")
    @GetMapping("/{customerId}/visits")
    VisitPage visits(@PathVariable String customerId, @Valid @ParameterObject PageParams page,
                     @RequestParam(required = false) @Min(0) Long minPosition) {
        access.visibleCustomer(customerId, minPosition);
        return reads.query(new FindVisitsQuery(customerId, page.toRequest()), ResponseTypes.instanceOf(VisitPage.class),
                minPosition);
    }

    @Operation(tags = ApiTags.ACTIVITY, summary = "Record a deal",
            description = "A trade with the customer (amount, margin, when it closed); it feeds grading and is credited to the rep who owned the customer at `closedAt`. The owner, an EDITOR collaborator, MANAGER or ADMIN.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{customerId}/deals")
    ResponseEntity<DealRecorded> recordDeal(@PathVariable String customerId, @Valid @RequestBody DealRequest request) {
        Actor actor = currentActor.get();
        String dealId = request.dealId() != null ? request.dealId() : "deal-" + UUID.randomUUID();
        Commands.Accepted<String> accepted = commands.send(new RecordDealCommand(new CustomerId(customerId), dealId,
                request.productLine().trim(), request.amount(), request.margin(), request.closedAt(), actor), actor);
        return ResponseEntity.created(URI.create("/api/customers/" + customerId))
                .body(new DealRecorded(customerId, dealId, accepted.result(), accepted.position()));
    }

    @Operation(tags = ApiTags.ACTIVITY, summary = "A customer's deals",
            description = "The deals, latest closed first, each with the rep it is credited to. Whoever may read the customer.")
    @GetMapping("/{customerId}/deals")
    DealPage deals(@PathVariable String customerId, @Valid @ParameterObject PageParams page,
                   @RequestParam(required = false) @Min(0) Long minPosition) {
        access.visibleCustomer(customerId, minPosition);
        return reads.query(new FindDealsQuery(customerId, page.toRequest()), ResponseTypes.instanceOf(DealPage.class),
                minPosition);
    }

    @Operation(tags = ApiTags.OPPORTUNITIES, summary = "A customer's opportunities",
            description = "Every opportunity of the customer, open and closed, most recently opened first. Whoever may read the customer.")
    @GetMapping("/{customerId}/opportunities")
    OpportunityPage opportunities(@PathVariable String customerId, @Valid @ParameterObject PageParams page,
                                  @RequestParam(required = false) @Min(0) Long minPosition) {
        access.visibleCustomer(customerId, minPosition);
        return reads.query(new FindCustomerOpportunitiesQuery(customerId, page.toRequest()),
                ResponseTypes.instanceOf(OpportunityPage.class), minPosition);
    }

    @Operation(tags = ApiTags.CUSTOMERS, summary = "Read a customer (360 view)",
            description = "Profile, owner, collaborators, grade and its history, last visit and next follow-up, deals of the last 12 months and open opportunities. A REP reads customers they own or collaborate on, and the pool.")
    @GetMapping("/{customerId}")
    CustomerView get(@PathVariable String customerId, @RequestParam(required = false) @Min(0) Long minPosition) {
        return access.visibleCustomer(customerId, minPosition);
    }

    @Operation(tags = ApiTags.OWNERSHIP, summary = "A customer's ownership history",
            description = "Every ownership period with who authorized it, why, and when it was recorded; with `asOf` also the period in force then, with `knownAt` as the ledger knew it at that time.")
    @GetMapping("/{customerId}/ownership")
    OwnershipView ownership(@PathVariable String customerId,
                            @RequestParam(required = false) Instant asOf,
                            @RequestParam(required = false) Instant knownAt,
                            @RequestParam(required = false) @Min(0) Long minPosition) {
        access.visibleCustomer(customerId, minPosition);
        return reads.query(new FindOwnershipQuery(customerId, asOf, knownAt),
                        ResponseTypes.optionalInstanceOf(OwnershipView.class), minPosition)
                .orElseThrow(() -> new NotFoundException("customer", customerId));
    }

    private static CustomerWritten written(String customerId, Commands.Accepted<?> accepted) {
        return new CustomerWritten(customerId, accepted.position());
    }

}
