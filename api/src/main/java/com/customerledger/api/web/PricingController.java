package com.customerledger.api.web;

import static com.customerledger.api.web.Requests.ID;
import static com.customerledger.api.web.Requests.ID_MESSAGE;

import com.customerledger.api.security.CurrentActor;
import com.customerledger.api.web.Requests.RegionRequest;
import com.customerledger.command.Actor;
import com.customerledger.command.pricing.AddProductCommand;
import com.customerledger.command.pricing.ProductId;
import com.customerledger.command.pricing.SetPricingPolicyCommand;
import com.customerledger.events.CustomerType;
import com.customerledger.events.Grade;
import com.customerledger.events.pricing.PolicyPrice;
import com.customerledger.events.pricing.PriceMatch;
import com.customerledger.events.pricing.PricingRule;
import com.customerledger.events.pricing.ProductUnit;
import com.customerledger.query.customer.CustomerView;
import com.customerledger.query.pricing.FindPriceQuery;
import com.customerledger.query.pricing.FindPricingPolicyQuery;
import com.customerledger.query.pricing.FindProductQuery;
import com.customerledger.query.pricing.ListProductsQuery;
import com.customerledger.query.pricing.PricingPolicyView;
import com.customerledger.query.pricing.ProductPage;
import com.customerledger.query.pricing.ProductView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The product catalogue, the pricing policy (versioned discount rules) and the policy price of a product for a customer. */
@RestController
class PricingController {

    private final Commands commands;
    private final Reads reads;
    private final CurrentActor currentActor;
    private final CustomerAccess access;

    PricingController(Commands commands, Reads reads, CurrentActor currentActor, CustomerAccess access) {
        this.commands = commands;
        this.reads = reads;
        this.currentActor = currentActor;
        this.access = access;
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"productId\": \"feed-pig-grower-40\", \"name\": \"猪用生长料 40kg\", \"productLine\": \"feed\", \"unit\": \"BAG\", \"listPrice\": \"168.00\", \"unitCost\": \"141.50\"}")
    record ProductRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String productId,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 64) String productLine,
            @NotNull ProductUnit unit,
            @NotNull @Positive @Digits(integer = 12, fraction = 2) BigDecimal listPrice,
            @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal unitCost) {
    }

    record ProductWritten(String productId, long position) {
    }

    /** What a rule applies to; every criterion left out matches all. */
    record MatchRequest(@Pattern(regexp = ID, message = ID_MESSAGE) String productId, @Size(min = 1, max = 64) String productLine,
                        CustomerType customerType, Grade grade, @Valid RegionRequest region) {
    }

    record PricingRuleRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String ruleId,
            @Valid MatchRequest match,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal discountPercent) {
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"rules\": [{\"ruleId\": \"feed-all\", \"match\": {\"productLine\": \"feed\"}, \"discountPercent\": \"3\"}, {\"ruleId\": \"feed-s-shandong\", \"match\": {\"productLine\": \"feed\", \"grade\": \"S\", \"region\": {\"province\": \"山东省\"}}, \"discountPercent\": \"8\"}, {\"ruleId\": \"grower-dealers\", \"match\": {\"productId\": \"feed-pig-grower-40\", \"customerType\": \"DEALER\"}, \"discountPercent\": \"12.5\"}]}")
    record PricingPolicyRequest(@NotNull @Size(max = 500) List<@NotNull @Valid PricingRuleRequest> rules) {

        List<PricingRule> toRules() {
            List<PricingRule> converted = new ArrayList<>();
            for (int index = 0; index < rules.size(); index++) {
                PricingRuleRequest rule = rules.get(index);
                MatchRequest match = rule.match() == null ? new MatchRequest(null, null, null, null, null) : rule.match();
                converted.add(new PricingRule(rule.ruleId() != null ? rule.ruleId() : "rule-" + (index + 1),
                        new PriceMatch(match.productId(), Requests.text(match.productLine()), match.customerType(),
                                match.grade(), match.region() == null ? null : match.region().toRegion()),
                        rule.discountPercent().stripTrailingZeros()));
            }
            return converted;
        }
    }

    record PolicySet(int version, long position) {
    }

    record PriceView(String customerId, String productId, BigDecimal listPrice, BigDecimal policyPrice,
                     BigDecimal discountPercent, String ruleId, int policyVersion) {
    }

    @Operation(tags = ApiTags.PRODUCTS, summary = "Add a product to the catalogue",
            description = "MANAGER or ADMIN. Name, product line, unit and list price in yuan per unit; optionally `unitCost`, what a unit costs the company (a delivered order's deal counts its margin from it; it is shown in no read). Repeating the same "
                    + "product under the same id is answered as the first time; other data under a used id is 409 `id-already-used`.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/products")
    ResponseEntity<ProductWritten> add(@Valid @RequestBody ProductRequest request) {
        Actor actor = currentActor.get();
        String id = request.productId() != null ? request.productId() : "p-" + UUID.randomUUID();
        Commands.Accepted<String> accepted = commands.send(new AddProductCommand(new ProductId(id), request.name().trim(),
                request.productLine().trim(), request.unit(), request.listPrice(), request.unitCost(), actor), actor);
        return ResponseEntity.created(URI.create("/api/products/" + id)).body(new ProductWritten(id, accepted.position()));
    }

    @Operation(tags = ApiTags.PRODUCTS, summary = "List the catalogue",
            description = "Every product by id, optionally of one product line. Any signed-in user.")
    @GetMapping("/api/products")
    ProductPage list(@RequestParam(required = false) @Size(min = 1, max = 64) String productLine,
                     @Valid @ParameterObject PageParams page, @RequestParam(required = false) @Min(0) Long minPosition) {
        return reads.query(new ListProductsQuery(Requests.text(productLine), page.toRequest()),
                ResponseTypes.instanceOf(ProductPage.class), minPosition);
    }

    @Operation(tags = ApiTags.PRODUCTS, summary = "Read a product", description = "One product of the catalogue. Any signed-in user.")
    @GetMapping("/api/products/{productId}")
    ProductView product(@PathVariable String productId, @RequestParam(required = false) @Min(0) Long minPosition) {
        return reads.query(new FindProductQuery(productId), ResponseTypes.optionalInstanceOf(ProductView.class), minPosition)
                .orElseThrow(() -> new NotFoundException("product", productId));
    }

    @Operation(tags = ApiTags.POLICIES, summary = "Set the pricing policy",
            description = "ADMIN. Discount rules matching a product or product line, and customers by type, grade and "
                    + "region. The most specific match prices a sale (a product beats a product line; then each customer "
                    + "criterion, and each level of a region, counts one; a tie goes to the earlier rule); no match: the "
                    + "list price. A new version replaces the rules; a rule naming a product not in the catalogue is 400.")
    @PutMapping("/api/policies/pricing")
    PolicySet setPolicy(@Valid @RequestBody PricingPolicyRequest request) {
        Actor actor = currentActor.get();
        Commands.Accepted<Integer> accepted = commands.send(SetPricingPolicyCommand.of(request.toRules(), actor), actor);
        return new PolicySet(accepted.result(), accepted.position());
    }

    @Operation(tags = ApiTags.POLICIES, summary = "Read the pricing policy",
            description = "The version in force with its rules (version 0: none set, everything sells at list price). "
                    + "MANAGER, AUDITOR, ADMIN.")
    @GetMapping("/api/policies/pricing")
    PricingPolicyView policy(@RequestParam(required = false) @Min(0) Long minPosition) {
        return reads.query(new FindPricingPolicyQuery(), ResponseTypes.instanceOf(PricingPolicyView.class), minPosition);
    }

    @Operation(tags = ApiTags.PRODUCTS, summary = "The policy price of a product for a customer",
            description = "List price, policy price, and the rule and policy version that set it (`ruleId` null: no rule "
                    + "matched). For whoever may read the customer.")
    @GetMapping("/api/prices")
    PriceView price(@RequestParam @NotBlank @Size(max = 64) String customerId,
                    @RequestParam @NotBlank @Size(max = 64) String productId,
                    @RequestParam(required = false) @Min(0) Long minPosition) {
        CustomerView customer = access.visibleCustomer(customerId, minPosition);
        PolicyPrice price = reads.query(new FindPriceQuery(productId, customer.type(), customer.grade(), customer.region()),
                        ResponseTypes.optionalInstanceOf(PolicyPrice.class), minPosition)
                .orElseThrow(() -> new NotFoundException("product", productId));
        return new PriceView(customerId, productId, price.listPrice(), price.policyPrice(), price.discountPercent(),
                price.ruleId(), price.policyVersion());
    }
}
