package com.customerledger.command.pricing;

import static com.customerledger.command.Actors.ADMIN;
import static com.customerledger.command.Actors.MANAGER;
import static com.customerledger.command.Actors.rep;
import static com.customerledger.command.Rejections.rejectedWith;

import com.customerledger.command.ErrorCode;
import com.customerledger.command.LookupTables;
import com.customerledger.events.pricing.PriceMatch;
import com.customerledger.events.pricing.PricingPolicySetEvent;
import com.customerledger.events.pricing.PricingRule;
import com.customerledger.events.pricing.ProductAddedEvent;
import com.customerledger.events.pricing.ProductUnit;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PricingTest {

    private static final ProductAddedEvent GROWER = new ProductAddedEvent("grower", "猪用生长料 40kg", "feed", ProductUnit.BAG,
            new BigDecimal("168.00"), "manager", null);

    private AggregateTestFixture<Product> products;
    private AggregateTestFixture<PricingPolicy> policies;

    @BeforeEach
    void setUp() {
        products = new AggregateTestFixture<>(Product.class);
        policies = new AggregateTestFixture<>(PricingPolicy.class);
        ProductCatalog catalog = new ProductCatalog(new LookupTables().jdbc);
        catalog.on(GROWER);
        policies.registerInjectableResource(catalog);
    }

    private static AddProductCommand add(String price, com.customerledger.command.Actor actor) {
        return new AddProductCommand(new ProductId("grower"), "猪用生长料 40kg", "feed", ProductUnit.BAG, new BigDecimal(price),
                null, actor);
    }

    private static PricingRule rule(String id, String productId, String line, String discount) {
        return new PricingRule(id, new PriceMatch(productId, line, null, null, null), new BigDecimal(discount));
    }

    @Test
    void canAddAProductOnceUnderItsId() {
        products.givenNoPriorActivity().when(add("168.00", MANAGER)).expectEvents(GROWER).expectResultMessagePayload("grower");
        products.given(GROWER).when(add("168", ADMIN)).expectNoEvents().expectResultMessagePayload("grower");
    }

    @Test
    void cannotAddOtherDataUnderAUsedIdNorAsARep() {
        products.given(GROWER).when(add("170.00", MANAGER)).expectNoEvents()
                .expectException(rejectedWith(ErrorCode.ID_ALREADY_USED));
        products.givenNoPriorActivity().when(add("168.00", rep("rep-a"))).expectNoEvents()
                .expectException(rejectedWith(ErrorCode.NOT_ALLOWED));
    }

    @Test
    void eachPolicyIsANewVersion() {
        List<PricingRule> rules = List.of(rule("feed", null, "feed", "3"), rule("grower", "grower", "feed", "5"));
        policies.givenNoPriorActivity().when(SetPricingPolicyCommand.of(rules, ADMIN))
                .expectEvents(new PricingPolicySetEvent(1, rules, "admin")).expectResultMessagePayload(1);
        policies.given(new PricingPolicySetEvent(1, rules, "admin")).when(SetPricingPolicyCommand.of(List.of(), ADMIN))
                .expectEvents(new PricingPolicySetEvent(2, List.of(), "admin")).expectResultMessagePayload(2);
    }

    @Test
    void cannotSetAPolicyThatCouldNeverWorkNorAsAManager() {
        policies.givenNoPriorActivity().when(SetPricingPolicyCommand.of(List.of(rule("r", "no-such", null, "3")), ADMIN))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.INVALID_POLICY));
        policies.givenNoPriorActivity().when(SetPricingPolicyCommand.of(List.of(rule("r", "grower", "premix", "3")), ADMIN))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.INVALID_POLICY));
        policies.givenNoPriorActivity().when(SetPricingPolicyCommand.of(List.of(rule("r", null, null, "3"),
                        rule("r", null, "feed", "4")), ADMIN))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.INVALID_POLICY));
        policies.givenNoPriorActivity().when(SetPricingPolicyCommand.of(List.of(), MANAGER))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.NOT_ALLOWED));
    }
}
