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
import com.customerledger.command.customer.ReverseOwnershipChangeCommand;
import com.customerledger.command.customer.RemoveCollaboratorCommand;
import com.customerledger.command.customer.TransferCustomerCommand;
import com.customerledger.command.customer.UpdateCustomerProfileCommand;
import com.customerledger.events.CollaboratorRole;
import com.customerledger.events.CustomerProfile;
import com.customerledger.events.CustomerType;
import com.customerledger.events.GeoPoint;
import com.customerledger.events.Grade;
import com.customerledger.events.TransferReason;
import com.customerledger.events.VisitChannel;
import com.customerledger.query.customer.CustomerPage;
import com.customerledger.query.customer.CustomerFilter;
import com.customerledger.query.customer.CustomerView;
import com.customerledger.query.customer.SearchCustomersQuery;
import com.customerledger.query.ownership.FindOwnershipQuery;
import com.customerledger.query.ownership.OwnershipView;
import com.customerledger.query.funnel.FindCustomerOpportunitiesQuery;
import com.customerledger.query.funnel.OpportunityPage;
import com.customerledger.query.visit.DealPage;
import com.customerledger.query.visit.FindDealsQuery;
import com.customerledger.query.visit.FindVisitsQuery;
import com.customerledger.query.visit.VisitPage;
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
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    record TransferRequest(
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String toRepId,
            @NotNull TransferReason reason,
            Instant effectiveAt,
            @Pattern(regexp = ID, message = ID_MESSAGE) String expectedOwnerRepId,
            @Size(max = 1000) String note) {
    }

    record ReleaseRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record CollaboratorRequest(
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String repId,
            @NotNull CollaboratorRole role) {
    }

    record VisitRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String visitId,
            @NotNull Instant visitedAt,
            @NotNull VisitChannel channel,
            @NotBlank @Size(max = 4000) String notes,
            @Size(max = 500) String outcome,
            Instant nextFollowUpAt,
            @Valid LocationRequest location) {
    }

    record LocationRequest(@NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
                           @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {
    }

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

    @PostMapping("/{customerId}/claim")
    CustomerWritten claim(@PathVariable String customerId) {
        Actor actor = currentActor.get();
        return written(customerId, commands.send(new ClaimCustomerCommand(new CustomerId(customerId), actor), actor));
    }

    @PostMapping("/{customerId}/transfer")
    CustomerWritten transfer(@PathVariable String customerId, @Valid @RequestBody TransferRequest request) {
        Actor actor = currentActor.get();
        return written(customerId, commands.send(new TransferCustomerCommand(new CustomerId(customerId),
                request.toRepId(), request.reason(), request.effectiveAt(), request.expectedOwnerRepId(),
                Requests.text(request.note()), null, actor), actor));
    }

    @PostMapping("/{customerId}/release")
    CustomerWritten release(@PathVariable String customerId, @Valid @RequestBody ReleaseRequest request) {
        Actor actor = currentActor.get();
        return written(customerId, commands.send(
                new ReleaseCustomerCommand(new CustomerId(customerId), request.reason().trim(), actor), actor));
    }

    @PostMapping("/{customerId}/collaborators")
    CustomerWritten addCollaborator(@PathVariable String customerId, @Valid @RequestBody CollaboratorRequest request) {
        Actor actor = currentActor.get();
        return written(customerId, commands.send(
                new AddCollaboratorCommand(new CustomerId(customerId), request.repId(), request.role(), actor), actor));
    }

    @DeleteMapping("/{customerId}/collaborators/{repId}")
    CustomerWritten removeCollaborator(@PathVariable String customerId, @PathVariable String repId) {
        Actor actor = currentActor.get();
        return written(customerId, commands.send(
                new RemoveCollaboratorCommand(new CustomerId(customerId), repId, null, actor), actor));
    }

    @GetMapping
    CustomerPage search(@RequestParam(required = false) @Size(max = 200) String q,
                                  @RequestParam(required = false) CustomerType type,
                                  @RequestParam(required = false) @Size(max = 160) String region,
                                  @RequestParam(required = false) @Size(max = 64) String ownerRepId,
                                  @RequestParam(required = false) Boolean inPool,
                                  @RequestParam(required = false) Grade grade,
                                  @Valid PageParams page,
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
    @PostMapping("/{customerId}/ownership/reversals")
    CustomerWritten reverse(@PathVariable String customerId, @Valid @RequestBody ReversalRequest request) {
        Actor actor = currentActor.get();
        return written(customerId, commands.send(new ReverseOwnershipChangeCommand(new CustomerId(customerId),
                request.eventId(), request.reason().trim(), actor), actor));
    }

    @PostMapping("/{customerId}/visits")
    ResponseEntity<VisitRecorded> recordVisit(@PathVariable String customerId, @Valid @RequestBody VisitRequest request) {
        Actor actor = currentActor.get();
        String visitId = request.visitId() != null ? request.visitId() : "visit-" + UUID.randomUUID();
        Commands.Accepted<Object> accepted = commands.send(new RecordVisitCommand(new CustomerId(customerId), visitId,
                request.visitedAt(), request.channel(), request.notes().trim(), Requests.text(request.outcome()),
                request.nextFollowUpAt(), request.location() == null ? null
                : new GeoPoint(request.location().lat(), request.location().lon()), actor), actor);
        return ResponseEntity.created(URI.create("/api/customers/" + customerId + "/visits"))
                .body(new VisitRecorded(customerId, visitId, accepted.position()));
    }

    @GetMapping("/{customerId}/visits")
    VisitPage visits(@PathVariable String customerId, @Valid PageParams page,
                     @RequestParam(required = false) @Min(0) Long minPosition) {
        access.visibleCustomer(customerId, minPosition);
        return reads.query(new FindVisitsQuery(customerId, page.toRequest()), ResponseTypes.instanceOf(VisitPage.class),
                minPosition);
    }

    @PostMapping("/{customerId}/deals")
    ResponseEntity<DealRecorded> recordDeal(@PathVariable String customerId, @Valid @RequestBody DealRequest request) {
        Actor actor = currentActor.get();
        String dealId = request.dealId() != null ? request.dealId() : "deal-" + UUID.randomUUID();
        Commands.Accepted<String> accepted = commands.send(new RecordDealCommand(new CustomerId(customerId), dealId,
                request.productLine().trim(), request.amount(), request.margin(), request.closedAt(), actor), actor);
        return ResponseEntity.created(URI.create("/api/customers/" + customerId))
                .body(new DealRecorded(customerId, dealId, accepted.result(), accepted.position()));
    }

    @GetMapping("/{customerId}/deals")
    DealPage deals(@PathVariable String customerId, @Valid PageParams page,
                   @RequestParam(required = false) @Min(0) Long minPosition) {
        access.visibleCustomer(customerId, minPosition);
        return reads.query(new FindDealsQuery(customerId, page.toRequest()), ResponseTypes.instanceOf(DealPage.class),
                minPosition);
    }

    @GetMapping("/{customerId}/opportunities")
    OpportunityPage opportunities(@PathVariable String customerId, @Valid PageParams page,
                                  @RequestParam(required = false) @Min(0) Long minPosition) {
        access.visibleCustomer(customerId, minPosition);
        return reads.query(new FindCustomerOpportunitiesQuery(customerId, page.toRequest()),
                ResponseTypes.instanceOf(OpportunityPage.class), minPosition);
    }

    @GetMapping("/{customerId}")
    CustomerView get(@PathVariable String customerId, @RequestParam(required = false) @Min(0) Long minPosition) {
        return access.visibleCustomer(customerId, minPosition);
    }

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
