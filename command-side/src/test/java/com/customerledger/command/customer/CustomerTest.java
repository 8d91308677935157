package com.customerledger.command.customer;

import static com.customerledger.command.Actors.MANAGER;
import static com.customerledger.command.Actors.rep;
import static com.customerledger.command.Rejections.rejectedWith;
import static com.customerledger.command.Rejections.withFact;
import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.command.ErrorCode;
import com.customerledger.command.EventFeed;
import com.customerledger.command.LookupTables;
import com.customerledger.events.AssignmentPolicyPublishedEvent;
import com.customerledger.events.AssignmentRule;
import com.customerledger.events.AssignmentStrategy;
import com.customerledger.events.CollaboratorAddedEvent;
import com.customerledger.events.CollaboratorRemovedEvent;
import com.customerledger.events.CollaboratorRole;
import com.customerledger.events.CustomerClaimedEvent;
import com.customerledger.events.CustomerProfile;
import com.customerledger.events.CustomerProfileUpdatedEvent;
import com.customerledger.events.CustomerRegisteredEvent;
import com.customerledger.events.CustomerReleasedEvent;
import com.customerledger.events.CustomerTransferredEvent;
import com.customerledger.events.CustomerType;
import com.customerledger.events.Region;
import com.customerledger.events.RepStatus;
import com.customerledger.events.RepStatusChangedEvent;
import com.customerledger.events.TransferReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CustomerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant REGISTERED = NOW.minus(Duration.ofDays(30));
    private static final String ID = "c-1";
    private static final Region SHOUGUANG = new Region("山东省", "潍坊市", "寿光市");

    private FixtureConfiguration<Customer> fixture;
    private LookupTables lookups;

    @BeforeEach
    void setUp() {
        lookups = new LookupTables().withRep("rep-a", 2).withRep("rep-b", 5).withRep("rep-c", 5);
        fixture = new AggregateTestFixture<>(Customer.class);
        lookups.serve(fixture);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static CustomerProfile profile(String name, String creditCode, String phone) {
        return new CustomerProfile(name, CustomerType.FARM, SHOUGUANG, null, creditCode, phone, List.of(), null,
                List.of("pig"), List.of(), List.of("feed"), null);
    }

    private static final CustomerProfile PROFILE = profile("绿源养殖场", "91370783MA3C5XXX0X", "13800000001");

    private static CustomerRegisteredEvent registered(String owner) {
        return CustomerRegisteredEvent.byPerson(ID, PROFILE, owner, REGISTERED, "manager");
    }

    /** Puts another customer into the lookup tables, as if it had been registered earlier. */
    private void existingCustomer(String customerId, CustomerProfile profile, String owner) {
        CustomerRegisteredEvent event = CustomerRegisteredEvent.byPerson(customerId, profile, owner, REGISTERED, "manager");
        EventFeed.feed(lookups.keys, event);
        EventFeed.feed(lookups.repBook, event);
    }

    @Test
    void managerRegistersCustomerIntoPool() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomerCommand(new CustomerId(ID), PROFILE, null, MANAGER))
                .expectEvents(new CustomerRegisteredEvent(ID, PROFILE, null, null, null,
                        "no assignment policy has been published", NOW, "manager"))
                .expectResultMessagePayload(new RegistrationResult(ID, null, null, null,
                        "no assignment policy has been published"));
    }

    @Test
    void repRegisteringLeadBecomesItsOwner() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomerCommand(new CustomerId(ID), PROFILE, null, rep("rep-a")))
                .expectEvents(CustomerRegisteredEvent.byPerson(ID, PROFILE, "rep-a", NOW, "rep-a"))
                .expectResultMessagePayload(new RegistrationResult(ID, "rep-a", null, null, null));
    }

    @Test
    void managerRegistrationWithoutOwnerIsAssignedByTheMatchingRule() {
        EventFeed.feed(lookups.assignment, new AssignmentPolicyPublishedEvent(3, List.of(
                new AssignmentRule("shandong", new Region("山东省", null, null), null, null, false, List.of("rep-b"),
                        AssignmentStrategy.FIXED),
                new AssignmentRule("shouguang", SHOUGUANG, null, null, false, List.of("rep-a"), AssignmentStrategy.FIXED)),
                "admin"));
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomerCommand(new CustomerId(ID), PROFILE, null, MANAGER))
                .expectEvents(new CustomerRegisteredEvent(ID, PROFILE, "rep-a", "shouguang", 3, null, NOW, "manager"))
                .expectResultMessagePayload(new RegistrationResult(ID, "rep-a", "shouguang", 3, null));
    }

    @Test
    void registrationStaysInPoolWithReasonWhenNoRuleMatches() {
        EventFeed.feed(lookups.assignment, new AssignmentPolicyPublishedEvent(1, List.of(
                new AssignmentRule("henan", new Region("河南省", null, null), null, null, true, List.of(),
                        AssignmentStrategy.ROUND_ROBIN)), "admin"));
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomerCommand(new CustomerId(ID), PROFILE, null, MANAGER))
                .expectEvents(new CustomerRegisteredEvent(ID, PROFILE, null, null, 1,
                        "no rule of assignment policy v1 matches this customer", NOW, "manager"));
    }

    @Test
    void cannotRegisterForAnotherRepAsRep() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomerCommand(new CustomerId(ID), PROFILE, "rep-b", rep("rep-a")))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.NOT_ALLOWED));
    }

    @Test
    void cannotRegisterSameCreditCodeTwice() {
        existingCustomer("c-0", profile("别的名字", "91370783MA3C5XXX0X", null), "rep-b");
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomerCommand(new CustomerId(ID), PROFILE, null, MANAGER))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.DUPLICATE_CUSTOMER))
                .expectExceptionDetails(org.hamcrest.Matchers.allOf(withFact("existingCustomerId", "c-0"),
                        withFact("currentOwnerRepId", "rep-b")));
    }

    @Test
    void cannotRegisterSamePhoneWrittenDifferently() {
        existingCustomer("c-0", profile("别的名字", null, "+86 138-0000-0001"), null);
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomerCommand(new CustomerId(ID), PROFILE, null, MANAGER))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.DUPLICATE_CUSTOMER));
    }

    @Test
    void cannotRegisterSameNormalizedNameInSameCounty() {
        existingCustomer("c-0", profile("绿源养殖场有限公司", null, null), null);
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomerCommand(new CustomerId(ID), profile(" 绿源 养殖场 ", null, null), null, MANAGER))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.DUPLICATE_CUSTOMER));
    }

    @Test
    void repeatingRegistrationAppendsNothingAndAnswersTheSame() {
        fixture.given(registered(null))
                .when(new RegisterCustomerCommand(new CustomerId(ID), PROFILE, null, MANAGER))
                .expectNoEvents()
                .expectResultMessagePayload(new RegistrationResult(ID, null, null, null, null));
    }

    @Test
    void cannotReuseIdForOtherData() {
        fixture.given(registered(null))
                .when(new RegisterCustomerCommand(new CustomerId(ID), profile("另一家", null, null), null, MANAGER))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.ID_ALREADY_USED));
    }

    @Test
    void cannotRegisterWithDepartedOwner() {
        EventFeed.feed(lookups.repBook, new RepStatusChangedEvent("rep-b", RepStatus.ACTIVE, RepStatus.DEPARTED, "left", "admin"));
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomerCommand(new CustomerId(ID), PROFILE, "rep-b", MANAGER))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.REP_DEPARTED));
    }

    @Test
    void canClaimPoolCustomer() {
        fixture.given(registered(null))
                .when(new ClaimCustomerCommand(new CustomerId(ID), rep("rep-a")))
                .expectEvents(new CustomerClaimedEvent(ID, "rep-a", NOW, "rep-a"));
    }

    @Test
    void cannotClaimOwnedCustomer() {
        fixture.given(registered("rep-b"))
                .when(new ClaimCustomerCommand(new CustomerId(ID), rep("rep-a")))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.CUSTOMER_ALREADY_OWNED));
    }

    @Test
    void cannotClaimBeyondCapacity() {
        existingCustomer("c-8", profile("甲", null, null), "rep-a");
        existingCustomer("c-9", profile("乙", null, null), "rep-a");
        fixture.given(registered(null))
                .when(new ClaimCustomerCommand(new CustomerId(ID), rep("rep-a")))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.REP_AT_CAPACITY));
    }

    @Test
    void cannotClaimAsUnregisteredRep() {
        fixture.given(registered(null))
                .when(new ClaimCustomerCommand(new CustomerId(ID), rep("rep-x")))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.REP_NOT_FOUND));
    }

    @Test
    void canTransferWithBackdatedEffectiveTime() {
        Instant effective = NOW.minus(Duration.ofDays(3));
        fixture.given(registered("rep-a"))
                .when(new TransferCustomerCommand(new CustomerId(ID), "rep-b", TransferReason.DISPUTE, effective, "rep-a",
                        "区域调整", null, MANAGER))
                .expectEvents(CustomerTransferredEvent.byPerson(ID, "rep-a", "rep-b", TransferReason.DISPUTE, effective,
                        "区域调整", "manager", null));
    }

    @Test
    void cannotTransferWhenExpectedOwnerIsStale() {
        fixture.given(registered("rep-a"))
                .when(new TransferCustomerCommand(new CustomerId(ID), "rep-b", TransferReason.MANUAL, null, "rep-b", null,
                        null, MANAGER))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.OWNER_CHANGED));
    }

    @Test
    void cannotTransferToCurrentOwner() {
        fixture.given(registered("rep-a"))
                .when(new TransferCustomerCommand(new CustomerId(ID), "rep-a", TransferReason.MANUAL, null, null, null,
                        null, MANAGER))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.ALREADY_OWNER));
    }

    @Test
    void cannotTransferEffectiveInTheFuture() {
        fixture.given(registered("rep-a"))
                .when(new TransferCustomerCommand(new CustomerId(ID), "rep-b", TransferReason.MANUAL,
                        NOW.plusSeconds(60), null, null, null, MANAGER))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.EFFECTIVE_TIME_IN_FUTURE));
    }

    @Test
    void cannotBackdateTransferBeforeLastOwnershipChange() {
        fixture.given(registered("rep-a"))
                .when(new TransferCustomerCommand(new CustomerId(ID), "rep-b", TransferReason.MANUAL,
                        REGISTERED.minusSeconds(1), null, null, null, MANAGER))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.EFFECTIVE_TIME_BEFORE_LAST_CHANGE));
    }

    @Test
    void cannotTransferAsRep() {
        fixture.given(registered("rep-a"))
                .when(new TransferCustomerCommand(new CustomerId(ID), "rep-b", TransferReason.MANUAL, null, null, null,
                        null, rep("rep-a")))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.NOT_ALLOWED));
    }

    @Test
    void cannotTransferToDepartedRep() {
        EventFeed.feed(lookups.repBook, new RepStatusChangedEvent("rep-b", RepStatus.ACTIVE, RepStatus.DEPARTED, "left", "admin"));
        fixture.given(registered("rep-a"))
                .when(new TransferCustomerCommand(new CustomerId(ID), "rep-b", TransferReason.MANUAL, null, null, null,
                        null, MANAGER))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.REP_DEPARTED));
    }

    @Test
    void onlyOwnershipChangesOfTheCustomerCanBeReversedAndOnlyByManagers() {
        fixture.given(registered("rep-a"))
                .when(new ReverseOwnershipChangeCommand(new CustomerId(ID), "any", "录错了", MANAGER))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.CHANGE_NOT_REVERSIBLE));
        fixture.given(registered("rep-a"), CustomerTransferredEvent.byPerson(ID, "rep-a", "rep-b", TransferReason.MANUAL,
                        NOW, null, "manager", null))
                .when(new ReverseOwnershipChangeCommand(new CustomerId(ID), "another-customers-event", "录错了", MANAGER))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.CHANGE_NOT_REVERSIBLE));
        fixture.given(registered("rep-a"))
                .when(new ReverseOwnershipChangeCommand(new CustomerId(ID), "any", "x", rep("rep-a")))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.NOT_ALLOWED));
    }

    @Test
    void ownerCanRelease() {
        fixture.given(registered("rep-a"))
                .when(new ReleaseCustomerCommand(new CustomerId(ID), "不再经营", rep("rep-a")))
                .expectEvents(new CustomerReleasedEvent(ID, "rep-a", "不再经营", NOW, "rep-a", null));
    }

    @Test
    void repCannotReleaseAnotherRepsCustomer() {
        fixture.given(registered("rep-b"))
                .when(new ReleaseCustomerCommand(new CustomerId(ID), "x", rep("rep-a")))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.NOT_ALLOWED));
    }

    @Test
    void cannotReleaseCustomerInPool() {
        fixture.given(registered(null))
                .when(new ReleaseCustomerCommand(new CustomerId(ID), "x", MANAGER))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.CUSTOMER_IN_POOL));
    }

    @Test
    void ownerAddsAndRemovesCollaborator() {
        fixture.given(registered("rep-a"))
                .when(new AddCollaboratorCommand(new CustomerId(ID), "rep-b", CollaboratorRole.VIEWER, rep("rep-a")))
                .expectEvents(new CollaboratorAddedEvent(ID, "rep-b", CollaboratorRole.VIEWER, "rep-a"));
        fixture.given(registered("rep-a"), new CollaboratorAddedEvent(ID, "rep-b", CollaboratorRole.VIEWER, "rep-a"))
                .when(new RemoveCollaboratorCommand(new CustomerId(ID), "rep-b", null, MANAGER))
                .expectEvents(new CollaboratorRemovedEvent(ID, "rep-b", "manager", null));
    }

    @Test
    void addingSameRoleAgainAppendsNothing() {
        fixture.given(registered("rep-a"), new CollaboratorAddedEvent(ID, "rep-b", CollaboratorRole.EDITOR, "rep-a"))
                .when(new AddCollaboratorCommand(new CustomerId(ID), "rep-b", CollaboratorRole.EDITOR, MANAGER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        // another role is a change
        fixture.given(registered("rep-a"), new CollaboratorAddedEvent(ID, "rep-b", CollaboratorRole.EDITOR, "rep-a"))
                .when(new AddCollaboratorCommand(new CustomerId(ID), "rep-b", CollaboratorRole.VIEWER, MANAGER))
                .expectEvents(new CollaboratorAddedEvent(ID, "rep-b", CollaboratorRole.VIEWER, "manager"));
    }

    @Test
    void removingARepWithoutARoleAppendsNothingAndAnswersFalse() {
        fixture.given(registered("rep-a"))
                .when(new RemoveCollaboratorCommand(new CustomerId(ID), "rep-b", null, rep("rep-a")))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void cannotMakeOwnerACollaborator() {
        fixture.given(registered("rep-a"))
                .when(new AddCollaboratorCommand(new CustomerId(ID), "rep-a", CollaboratorRole.EDITOR, MANAGER))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.OWNER_AS_COLLABORATOR));
    }

    @Test
    void aCollaboratorWhoClaimsTheCustomerLosesTheRoleFirst() {
        fixture.given(registered(null), new CollaboratorAddedEvent(ID, "rep-a", CollaboratorRole.VIEWER, "manager"))
                .when(new ClaimCustomerCommand(new CustomerId(ID), rep("rep-a")))
                .expectEvents(new CollaboratorRemovedEvent(ID, "rep-a", "rep-a", null),
                        new CustomerClaimedEvent(ID, "rep-a", NOW, "rep-a"));
    }

    @Test
    void aCollaboratorWhoReceivesATransferLosesTheRoleFirst() {
        fixture.given(registered("rep-a"), new CollaboratorAddedEvent(ID, "rep-b", CollaboratorRole.EDITOR, "rep-a"))
                .when(new TransferCustomerCommand(new CustomerId(ID), "rep-b", TransferReason.REBALANCE, null, "rep-a", null,
                        "batch-1", MANAGER))
                .expectEvents(new CollaboratorRemovedEvent(ID, "rep-b", "manager", "batch-1"),
                        CustomerTransferredEvent.byPerson(ID, "rep-a", "rep-b", TransferReason.REBALANCE, NOW, null,
                                "manager", "batch-1"));
    }

    @Test
    void aCollaboratorTheRulesChooseAsOwnerLosesTheRoleFirst() {
        EventFeed.feed(lookups.assignment, new AssignmentPolicyPublishedEvent(4, List.of(new AssignmentRule("shouguang",
                SHOUGUANG, null, null, false, List.of("rep-b"), AssignmentStrategy.FIXED)), "admin"));
        fixture.given(registered("rep-a"), new CollaboratorAddedEvent(ID, "rep-b", CollaboratorRole.VIEWER, "rep-a"))
                .when(new ReassignByRulesCommand(new CustomerId(ID), "rep-a", TransferReason.DEPARTURE, null, "batch-2",
                        MANAGER))
                .expectEvents(new CollaboratorRemovedEvent(ID, "rep-b", "manager", "batch-2"),
                        new CustomerTransferredEvent(ID, "rep-a", "rep-b", TransferReason.DEPARTURE, NOW, null, "manager",
                                "batch-2", "shouguang", 4))
                .expectResultMessagePayload(Customer.Reassignment.MOVED);
    }

    @Test
    void aTransferToANonCollaboratorEndsNoRole() {
        fixture.given(registered("rep-a"), new CollaboratorAddedEvent(ID, "rep-b", CollaboratorRole.EDITOR, "rep-a"))
                .when(new TransferCustomerCommand(new CustomerId(ID), "rep-c", TransferReason.MANUAL, null, null, null,
                        null, MANAGER))
                .expectEvents(CustomerTransferredEvent.byPerson(ID, "rep-a", "rep-c", TransferReason.MANUAL, NOW, null,
                        "manager", null));
    }

    /** Streams stored before the role was ended by its own event: the transfer itself still ends it when rebuilt. */
    @Test
    void aStoredTransferToACollaboratorWithoutTheRemovalStillEndsTheRole() {
        fixture.given(registered("rep-a"), new CollaboratorAddedEvent(ID, "rep-b", CollaboratorRole.EDITOR, "rep-a"),
                        CustomerTransferredEvent.byPerson(ID, "rep-a", "rep-b", TransferReason.MANUAL, NOW, null, "manager", null))
                .when(new RemoveCollaboratorCommand(new CustomerId(ID), "rep-b", null, MANAGER))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void editorCollaboratorUpdatesProfileWithChangedFieldsOnly() {
        CustomerProfile expected = new CustomerProfile(PROFILE.name(), PROFILE.type(), PROFILE.region(), "寿光市文家街道",
                PROFILE.creditCode(), PROFILE.phone(), PROFILE.contacts(), PROFILE.scale(), PROFILE.species(), PROFILE.crops(),
                PROFILE.productLines(), PROFILE.source());
        fixture.given(registered("rep-a"), new CollaboratorAddedEvent(ID, "rep-b", CollaboratorRole.EDITOR, "rep-a"))
                .when(new UpdateCustomerProfileCommand(new CustomerId(ID), PROFILE.name(), null, null, "寿光市文家街道",
                        null, null, null, null, null, null, null, null, rep("rep-b")))
                .expectEvents(new CustomerProfileUpdatedEvent(ID, expected, List.of("address"), "rep-b"));
    }

    @Test
    void aProfileChangeToThePresentValuesAppendsNothing() {
        fixture.given(registered("rep-a"))
                .when(new UpdateCustomerProfileCommand(new CustomerId(ID), PROFILE.name(), PROFILE.type(), null, null,
                        PROFILE.creditCode(), null, null, null, null, null, null, null, rep("rep-a")))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotUpdateAnotherRepsCustomerEvenWithoutAChange() {
        fixture.given(registered("rep-b"))
                .when(new UpdateCustomerProfileCommand(new CustomerId(ID), PROFILE.name(), null, null, null, null, null, null,
                        null, null, null, null, null, rep("rep-a")))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.NOT_ALLOWED));
    }

    @Test
    void viewerCollaboratorCannotUpdateProfile() {
        fixture.given(registered("rep-a"), new CollaboratorAddedEvent(ID, "rep-b", CollaboratorRole.VIEWER, "rep-a"))
                .when(new UpdateCustomerProfileCommand(new CustomerId(ID), null, null, null, "x", null, null, null, null,
                        null, null, null, null, rep("rep-b")))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.NOT_ALLOWED));
    }

    @Test
    void cannotChangePhoneToAnotherCustomersPhone() {
        existingCustomer("c-0", profile("别家", null, "13900000009"), null);
        fixture.given(registered("rep-a"))
                .when(new UpdateCustomerProfileCommand(new CustomerId(ID), null, null, null, null, null, "139 0000 0009",
                        null, null, null, null, null, null, MANAGER))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.DUPLICATE_CUSTOMER));
    }

    @Test
    void lookupTablesRefuseASecondHolderOfAKeyEvenWithoutThePrecheck() {
        existingCustomer("c-0", PROFILE, null);
        CustomerRegisteredEvent racing = CustomerRegisteredEvent.byPerson("c-2", PROFILE, null, NOW, "manager");
        try {
            EventFeed.feed(lookups.keys, racing);
            org.junit.jupiter.api.Assertions.fail("the second registration of the same keys must be refused");
        } catch (com.customerledger.command.RejectedException refused) {
            assertThat(refused.code()).isEqualTo(ErrorCode.DUPLICATE_CUSTOMER);
            assertThat(refused.rejection().facts()).containsEntry("existingCustomerId", "c-0");
        }
    }

    @Test
    void repBookRefusesAGainPastCapacityEvenWithoutThePrecheck() {
        existingCustomer("c-8", profile("甲", null, null), "rep-a");
        existingCustomer("c-9", profile("乙", null, null), "rep-a");
        try {
            EventFeed.feed(lookups.repBook, new CustomerClaimedEvent("c-7", "rep-a", NOW, "rep-a"));
            org.junit.jupiter.api.Assertions.fail("a third customer for a rep of capacity 2 must be refused");
        } catch (com.customerledger.command.RejectedException refused) {
            assertThat(refused.code()).isEqualTo(ErrorCode.REP_AT_CAPACITY);
        }
        assertThat(lookups.repBook.standing("rep-a").orElseThrow().owned()).isEqualTo(2);
    }
}
