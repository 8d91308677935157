package com.customerledger.command.ticket;

import static com.customerledger.command.Actors.ADMIN;
import static com.customerledger.command.Actors.MANAGER;
import static com.customerledger.command.Rejections.rejectedWith;

import com.customerledger.command.ErrorCode;
import com.customerledger.events.ticket.ServicePolicySetEvent;
import com.customerledger.events.ticket.TicketSeverity;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service policy: versioned, set by admins, a duration for every severity, first response before resolution. */
class ServicePolicyTest {

    private static final Map<TicketSeverity, String> FIRST = Map.of(TicketSeverity.LOW, "P1D", TicketSeverity.NORMAL,
            "PT8H", TicketSeverity.HIGH, "PT6H", TicketSeverity.URGENT, "PT4H");
    private static final Map<TicketSeverity, String> RESOLUTION = Map.of(TicketSeverity.LOW, "P7D", TicketSeverity.NORMAL,
            "P3D", TicketSeverity.HIGH, "P2D", TicketSeverity.URGENT, "P1D");

    private AggregateTestFixture<ServicePolicy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ServicePolicy.class);
    }

    @Test
    void anAdminSetsTheFirstVersionThenTheNext() {
        fixture.givenNoPriorActivity().when(SetServicePolicyCommand.of(FIRST, RESOLUTION, ADMIN))
                .expectEvents(new ServicePolicySetEvent(1, FIRST, RESOLUTION, "admin"));
        fixture.given(new ServicePolicySetEvent(1, FIRST, RESOLUTION, "admin"))
                .when(SetServicePolicyCommand.of(FIRST, RESOLUTION, ADMIN))
                .expectEvents(new ServicePolicySetEvent(2, FIRST, RESOLUTION, "admin"));
    }

    @Test
    void secondsAreDurationsToo() {
        Map<TicketSeverity, String> seconds = Map.of(TicketSeverity.LOW, "PT2S", TicketSeverity.NORMAL, "PT2S",
                TicketSeverity.HIGH, "PT2S", TicketSeverity.URGENT, "PT2S");
        fixture.givenNoPriorActivity().when(SetServicePolicyCommand.of(seconds, seconds, ADMIN))
                .expectEvents(new ServicePolicySetEvent(1, seconds, seconds, "admin"));
    }

    @Test
    void cannotSetThePolicyAsAManager() {
        fixture.givenNoPriorActivity().when(SetServicePolicyCommand.of(FIRST, RESOLUTION, MANAGER))
                .expectException(rejectedWith(ErrorCode.NOT_ALLOWED)).expectNoEvents();
    }

    @Test
    void cannotLeaveASeverityOut() {
        Map<TicketSeverity, String> missing = new HashMap<>(FIRST);
        missing.remove(TicketSeverity.HIGH);
        fixture.givenNoPriorActivity().when(SetServicePolicyCommand.of(missing, RESOLUTION, ADMIN))
                .expectException(rejectedWith(ErrorCode.INVALID_POLICY)).expectNoEvents();
    }

    @Test
    void cannotSetAMalformedOrEmptyDuration() {
        Map<TicketSeverity, String> malformed = new HashMap<>(FIRST);
        malformed.put(TicketSeverity.LOW, "4 hours");
        fixture.givenNoPriorActivity().when(SetServicePolicyCommand.of(malformed, RESOLUTION, ADMIN))
                .expectException(rejectedWith(ErrorCode.INVALID_POLICY)).expectNoEvents();
        Map<TicketSeverity, String> zero = new HashMap<>(FIRST);
        zero.put(TicketSeverity.LOW, "PT0S");
        fixture.givenNoPriorActivity().when(SetServicePolicyCommand.of(zero, RESOLUTION, ADMIN))
                .expectException(rejectedWith(ErrorCode.INVALID_POLICY)).expectNoEvents();
    }

    @Test
    void cannotDueTheFirstResponseAfterTheResolution() {
        fixture.givenNoPriorActivity().when(SetServicePolicyCommand.of(RESOLUTION, FIRST, ADMIN))
                .expectException(rejectedWith(ErrorCode.INVALID_POLICY)).expectNoEvents();
    }
}
