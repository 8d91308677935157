package com.customerledger.command.rep;

import static com.customerledger.command.Actors.ADMIN;
import static com.customerledger.command.Actors.MANAGER;
import static com.customerledger.command.Actors.rep;
import static com.customerledger.command.Rejections.rejectedWith;

import com.customerledger.command.ErrorCode;
import com.customerledger.events.CustomerType;
import com.customerledger.events.Region;
import com.customerledger.events.RepRegisteredEvent;
import com.customerledger.events.RepStatus;
import com.customerledger.events.RepStatusChangedEvent;
import com.customerledger.events.RepTerritoryChangedEvent;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RepTest {

    private static final List<Region> WEIFANG = List.of(new Region("山东省", "潍坊市", null));
    private static final RepRegisteredEvent REGISTERED = new RepRegisteredEvent("rep-a", "张三", WEIFANG, List.of("feed"),
            List.of(CustomerType.FARM), 30, null, "admin");

    private FixtureConfiguration<Rep> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Rep.class);
    }

    private static RegisterRepCommand register(String name) {
        return new RegisterRepCommand(new RepId("rep-a"), name, WEIFANG, List.of("feed"), List.of(CustomerType.FARM), 30,
                null, ADMIN);
    }

    @Test
    void canRegisterRep() {
        fixture.givenNoPriorActivity()
                .when(register("张三"))
                .expectEvents(REGISTERED)
                .expectResultMessagePayload("rep-a");
    }

    @Test
    void repeatingRegistrationAppendsNothingAndAnswersTheSame() {
        fixture.given(REGISTERED).when(register("张三")).expectNoEvents().expectResultMessagePayload("rep-a");
    }

    @Test
    void cannotRegisterRepAsManagerOrRep() {
        for (com.customerledger.command.Actor notAdmin : List.of(MANAGER, rep("rep-b"))) {
            fixture.givenNoPriorActivity()
                    .when(new RegisterRepCommand(new RepId("rep-a"), "张三", WEIFANG, List.of("feed"),
                            List.of(CustomerType.FARM), 30, null, notAdmin))
                    .expectNoEvents()
                    .expectException(rejectedWith(ErrorCode.NOT_ALLOWED));
        }
    }

    @Test
    void cannotChangeTerritoryAsRep() {
        fixture.given(REGISTERED)
                .when(new ChangeRepTerritoryCommand(new RepId("rep-a"), List.of(), List.of(), List.of(), 1000, rep("rep-a")))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.NOT_ALLOWED));
    }

    @Test
    void cannotChangeStatusAsRep() {
        fixture.given(REGISTERED)
                .when(new ChangeRepStatusCommand(new RepId("rep-a"), RepStatus.ON_LEAVE, "想休息", rep("rep-a")))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.NOT_ALLOWED));
    }

    @Test
    void settingTheStatusARepAlreadyHasAppendsNothing() {
        fixture.given(REGISTERED, new RepStatusChangedEvent("rep-a", RepStatus.ACTIVE, RepStatus.ON_LEAVE, "产假", "manager"))
                .when(new ChangeRepStatusCommand(new RepId("rep-a"), RepStatus.ON_LEAVE, "产假", ADMIN))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotReuseRepIdForAnotherPerson() {
        fixture.given(REGISTERED).when(register("李四"))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.ID_ALREADY_USED));
    }

    @Test
    void canChangeTerritory() {
        List<Region> shandong = List.of(new Region("山东省", null, null));
        fixture.given(REGISTERED)
                .when(new ChangeRepTerritoryCommand(new RepId("rep-a"), shandong, List.of("feed", "fertilizer"),
                        List.of(CustomerType.FARM, CustomerType.DEALER), 50, MANAGER))
                .expectEvents(new RepTerritoryChangedEvent("rep-a", shandong, List.of("feed", "fertilizer"),
                        List.of(CustomerType.FARM, CustomerType.DEALER), 50, "manager"));
    }

    @Test
    void canGoOnLeaveAndComeBack() {
        fixture.given(REGISTERED)
                .when(new ChangeRepStatusCommand(new RepId("rep-a"), RepStatus.ON_LEAVE, "产假", MANAGER))
                .expectEvents(new RepStatusChangedEvent("rep-a", RepStatus.ACTIVE, RepStatus.ON_LEAVE, "产假", "manager"));
        fixture.given(REGISTERED, new RepStatusChangedEvent("rep-a", RepStatus.ACTIVE, RepStatus.ON_LEAVE, "产假", "manager"))
                .when(new ChangeRepStatusCommand(new RepId("rep-a"), RepStatus.ACTIVE, null, MANAGER))
                .expectEvents(new RepStatusChangedEvent("rep-a", RepStatus.ON_LEAVE, RepStatus.ACTIVE, null, "manager"));
    }

    @Test
    void cannotDepartThroughAStatusChange() {
        fixture.given(REGISTERED)
                .when(new ChangeRepStatusCommand(new RepId("rep-a"), RepStatus.DEPARTED, null, MANAGER))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.INVALID_STATUS_CHANGE));
    }

    @Test
    void departedRepCannotChange() {
        fixture.given(REGISTERED, new RepStatusChangedEvent("rep-a", RepStatus.ACTIVE, RepStatus.DEPARTED, "离职", "admin"))
                .when(new ChangeRepStatusCommand(new RepId("rep-a"), RepStatus.ACTIVE, null, MANAGER))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.REP_DEPARTED));
    }

    @Test
    void cannotChangeUnknownRep() {
        fixture.givenNoPriorActivity()
                .when(new ChangeRepStatusCommand(new RepId("rep-x"), RepStatus.ON_LEAVE, null, MANAGER))
                .expectNoEvents()
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }
}
