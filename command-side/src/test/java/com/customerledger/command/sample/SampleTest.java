package com.customerledger.command.sample;

import static com.customerledger.command.Actors.rep;
import static com.customerledger.command.Rejections.rejectedWith;

import com.customerledger.command.Actor;
import com.customerledger.command.ErrorCode;
import com.customerledger.command.LookupTables;
import com.customerledger.command.Role;
import com.customerledger.command.pricing.ProductCatalog;
import com.customerledger.events.sample.SampleDispatchedEvent;
import com.customerledger.events.sample.SampleRequestedEvent;
import java.math.BigDecimal;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SampleTest {

    private static final SampleRequestedEvent REQUESTED = new SampleRequestedEvent("c1:v1", "c1", "v1", "rep-a", "creep",
            "feed", new BigDecimal("2"), "rep-a");
    private static final Actor WAREHOUSE = new Actor("warehouse", null, Set.of(Role.WAREHOUSE));

    private AggregateTestFixture<Sample> fixture;

    @BeforeEach
    void setUp() {
        LookupTables lookups = new LookupTables();
        lookups.jdbc.update("INSERT INTO product_catalog (product_id, name, product_line, unit, list_price) "
                + "VALUES ('creep', '教槽料', 'feed', 'BAG', '210.00')");
        fixture = new AggregateTestFixture<>(Sample.class);
        fixture.registerInjectableResource(new ProductCatalog(lookups.jdbc));
    }

    @Test
    void aVisitRequestsASampleOfACatalogueProductWithItsProductLine() {
        fixture.givenNoPriorActivity()
                .when(new RequestSampleCommand("c1:v1", "c1", "v1", "rep-a", "creep", new BigDecimal("2"), "rep-a"))
                .expectEvents(REQUESTED);
    }

    @Test
    void cannotRequestASampleOfAnUnknownProduct() {
        fixture.givenNoPriorActivity()
                .when(new RequestSampleCommand("c1:v1", "c1", "v1", "rep-a", "nope", new BigDecimal("2"), "rep-a"))
                .expectException(rejectedWith(ErrorCode.PRODUCT_NOT_FOUND)).expectNoEvents();
    }

    @Test
    void theSameVisitRequestsNoSecondSample() {
        fixture.given(REQUESTED)
                .when(new RequestSampleCommand("c1:v1", "c1", "v1", "rep-a", "creep", new BigDecimal("2"), "rep-a"))
                .expectNoEvents();
    }

    @Test
    void theWarehouseDispatchesOnce() {
        fixture.given(REQUESTED).when(new DispatchSampleCommand("c1:v1", "SF1", WAREHOUSE))
                .expectEvents(new SampleDispatchedEvent("c1:v1", "c1", "rep-a", "feed", "SF1", "warehouse"));
        fixture.given(REQUESTED, new SampleDispatchedEvent("c1:v1", "c1", "rep-a", "feed", "SF1", "warehouse"))
                .when(new DispatchSampleCommand("c1:v1", "SF2", WAREHOUSE)).expectNoEvents();
    }

    @Test
    void cannotDispatchAsARep() {
        fixture.given(REQUESTED).when(new DispatchSampleCommand("c1:v1", "SF1", rep("rep-a")))
                .expectException(rejectedWith(ErrorCode.NOT_ALLOWED)).expectNoEvents();
    }
}
