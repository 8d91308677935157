package com.customerledger.api.web;

import static com.customerledger.api.web.Requests.ID;
import static com.customerledger.api.web.Requests.ID_MESSAGE;

import com.customerledger.api.security.CurrentActor;
import com.customerledger.command.Actor;
import com.customerledger.command.payment.PaymentId;
import com.customerledger.command.payment.RecordPaymentCommand;
import com.customerledger.events.payment.PaymentMethod;
import com.customerledger.query.order.ListPaymentsQuery;
import com.customerledger.query.order.PaymentPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Payments received from customers (回款): recorded by finance, idempotent by the payment's reference. */
@RestController
class PaymentController {

    private final Commands commands;
    private final Reads reads;
    private final CurrentActor currentActor;
    private final CustomerAccess access;

    PaymentController(Commands commands, Reads reads, CurrentActor currentActor, CustomerAccess access) {
        this.commands = commands;
        this.reads = reads;
        this.currentActor = currentActor;
        this.access = access;
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"paymentId\": \"BANK-20261201-0042\", \"amount\": \"32592.00\", \"receivedAt\": \"2026-12-01T06:30:00Z\", \"method\": \"BANK_TRANSFER\", \"orderId\": \"so-2026-0412\"}")
    record PaymentRequest(@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String paymentId,
                          @NotNull @Positive @Digits(integer = 12, fraction = 2) BigDecimal amount,
                          @NotNull Instant receivedAt,
                          @NotNull PaymentMethod method,
                          @Pattern(regexp = ID, message = ID_MESSAGE) String orderId) {

        @AssertTrue(message = "method REBATE and payment ids beginning with 'rebate:' belong to rebate settlements")
        @Schema(hidden = true)
        boolean isNotARebate() {
            return method != PaymentMethod.REBATE && (paymentId == null || !paymentId.startsWith("rebate:"));
        }
    }

    record PaymentRecorded(String paymentId, long position) {
    }

    @Operation(tags = ApiTags.CREDIT, summary = "Record a payment",
            description = "FINANCE or ADMIN (or an ERP with the FINANCE role). Idempotent by `paymentId`: the same payment "
                    + "again is answered as the first time, other data under it is 409 `id-already-used`. It pays the named "
                    + "order first (409 `order-not-owed` when that order owes nothing), then the earliest due; the rest is "
                    + "paid in advance. Method REBATE is only a rebate settlement's credit.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/customers/{customerId}/payments")
    PaymentRecorded record(@PathVariable String customerId, @Valid @RequestBody PaymentRequest request) {
        Actor actor = currentActor.get();
        Commands.Accepted<String> accepted = commands.send(new RecordPaymentCommand(new PaymentId(request.paymentId()),
                customerId, request.amount(), request.receivedAt(), request.method(), request.orderId(), actor), actor);
        return new PaymentRecorded(request.paymentId(), accepted.position());
    }

    @Operation(tags = ApiTags.CREDIT, summary = "A customer's payments",
            description = "Newest first. For whoever may read the customer, FINANCE, and the DEALER for its own.")
    @GetMapping("/api/customers/{customerId}/payments")
    PaymentPage list(@PathVariable String customerId, @Valid @ParameterObject PageParams page,
                     @RequestParam(required = false) @Min(0) Long minPosition) {
        access.visibleCustomer(customerId, minPosition);
        return reads.query(new ListPaymentsQuery(customerId, page.toRequest()), ResponseTypes.instanceOf(PaymentPage.class),
                minPosition);
    }
}
