package com.customerledger.command.reminder;

import static com.customerledger.command.Actors.ADMIN;
import static com.customerledger.command.Actors.MANAGER;
import static com.customerledger.command.Rejections.rejectedWith;

import com.customerledger.command.ErrorCode;
import com.customerledger.events.Region;
import com.customerledger.events.reminder.CampaignMatch;
import com.customerledger.events.reminder.ReminderCampaign;
import com.customerledger.events.reminder.ReminderPolicySetEvent;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReminderPolicyTest {

    private static final CampaignMatch WHEAT_IN_SHANDONG = new CampaignMatch(new Region("山东省", null, null),
            List.of("wheat"), List.of());

    private AggregateTestFixture<ReminderPolicy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReminderPolicy.class);
    }

    @Test
    void anAdminSetsAVersionedPolicyWithTermsByTheirChineseNames() {
        fixture.givenNoPriorActivity()
                .when(SetReminderPolicyCommand.of(3, 5, List.of(new ReminderCampaign("bailu", "WHITE_DEW", 7,
                        WHEAT_IN_SHANDONG, "kb-1")), ADMIN))
                .expectEvents(new ReminderPolicySetEvent(1, 3, 5, List.of(new ReminderCampaign("bailu", "白露", 7,
                        WHEAT_IN_SHANDONG, "kb-1")), "admin"));
        fixture.given(new ReminderPolicySetEvent(1, 3, null, List.of(), "admin"))
                .when(SetReminderPolicyCommand.of(null, null, List.of(), ADMIN))
                .expectEvents(new ReminderPolicySetEvent(2, null, null, List.of(), "admin"));
    }

    @Test
    void cannotSetAPolicyAsAManager() {
        fixture.givenNoPriorActivity().when(SetReminderPolicyCommand.of(3, null, List.of(), MANAGER))
                .expectException(rejectedWith(ErrorCode.NOT_ALLOWED)).expectNoEvents();
    }

    @Test
    void cannotRunACampaignOnAnUnknownTermOrTwiceOrTooEarly() {
        fixture.givenNoPriorActivity().when(SetReminderPolicyCommand.of(3, null, List.of(new ReminderCampaign("x", "白菜", 7,
                        WHEAT_IN_SHANDONG, null)), ADMIN))
                .expectException(rejectedWith(ErrorCode.INVALID_POLICY)).expectNoEvents();
        fixture.givenNoPriorActivity().when(SetReminderPolicyCommand.of(3, null, List.of(
                        new ReminderCampaign("x", "白露", 7, WHEAT_IN_SHANDONG, null),
                        new ReminderCampaign("x", "立秋", 7, WHEAT_IN_SHANDONG, null)), ADMIN))
                .expectException(rejectedWith(ErrorCode.INVALID_POLICY)).expectNoEvents();
        fixture.givenNoPriorActivity().when(SetReminderPolicyCommand.of(61, null, List.of(), ADMIN))
                .expectException(rejectedWith(ErrorCode.INVALID_POLICY)).expectNoEvents();
    }
}
