package com.customerledger.query.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.events.CollaboratorAddedEvent;
import com.customerledger.events.CollaboratorRole;
import com.customerledger.events.CustomerClaimedEvent;
import com.customerledger.events.CustomerGradeChangedEvent;
import com.customerledger.events.CustomerPoolReminderIssuedEvent;
import com.customerledger.events.Grade;
import com.customerledger.events.VisitChannel;
import com.customerledger.events.VisitRecordedEvent;
import com.customerledger.events.CustomerOwnershipReversedEvent;
import com.customerledger.events.CustomerProfile;
import com.customerledger.events.CustomerRegisteredEvent;
import com.customerledger.events.CustomerReleasedEvent;
import com.customerledger.events.CustomerTransferredEvent;
import com.customerledger.events.CustomerType;
import com.customerledger.events.Region;
import com.customerledger.events.TransferReason;
import com.customerledger.query.MongoFixture;
import com.customerledger.query.PageRequest;
import com.customerledger.query.visit.ActivityProjection;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CustomerProjectionTest {

    private static final Instant T = Instant.parse("2026-03-01T08:00:00Z");
    private MongoFixture mongo;
    private CustomerProjection projection;

    @BeforeEach
    void setUp() {
        mongo = new MongoFixture();
        projection = new CustomerProjection(mongo.template(), new ActivityProjection(mongo.template()),
                new com.customerledger.query.funnel.FunnelProjection(mongo.template()),
                java.time.Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    private static CustomerRegisteredEvent registered(String id, String name, CustomerType type, Region region, String owner) {
        return CustomerRegisteredEvent.byPerson(id, new CustomerProfile(name, type, region, null, null,
                "1380000" + id.hashCode() % 10000, List.of(), null, List.of(), List.of(), List.of(), null), owner, T, "manager");
    }

    private static final Region SHOUGUANG = new Region("山东省", "潍坊市", "寿光市");
    private static final Region QINGZHOU = new Region("山东省", "潍坊市", "青州市");

    @Test
    void ownershipEventsMoveTheCustomerBetweenPoolAndReps() {
        mongo.feed(projection, 0, registered("c1", "绿源养殖场", CustomerType.FARM, SHOUGUANG, null));
        assertThat(find("c1").inPool()).isTrue();
        mongo.feed(projection, 1, new CustomerClaimedEvent("c1", "rep-a", T, "rep-a"));
        assertThat(find("c1").ownerRepId()).isEqualTo("rep-a");
        assertThat(find("c1").inPool()).isFalse();
        mongo.feed(projection, 2, CustomerTransferredEvent.byPerson("c1", "rep-a", "rep-b", TransferReason.MANUAL, T, null, "manager", null));
        assertThat(find("c1").ownerRepId()).isEqualTo("rep-b");
        mongo.feed(projection, 3, new CustomerReleasedEvent("c1", "rep-b", "x", T, "rep-b", null));
        assertThat(find("c1").inPool()).isTrue();
        assertThat(find("c1").ownerRepId()).isNull();
    }

    @Test
    void aReversalToACollaboratorEndsTheRoleLikeTheAggregateDoes() {
        mongo.feed(projection, 0, registered("c1", "绿源养殖场", CustomerType.FARM, SHOUGUANG, "rep-a"));
        mongo.feed(projection, 1, CustomerTransferredEvent.byPerson("c1", "rep-a", "rep-b", TransferReason.MANUAL, T, null,
                "manager", null));
        mongo.feed(projection, 2, new CollaboratorAddedEvent("c1", "rep-a", CollaboratorRole.EDITOR, "rep-b"));
        // as stored before the role ended by its own event: the reversal alone ends it
        mongo.feed(projection, 3, new CustomerOwnershipReversedEvent("c1", "transfer-1", "rep-b", "rep-a", T, "错了",
                "manager"));
        assertThat(find("c1").ownerRepId()).isEqualTo("rep-a");
        assertThat(find("c1").collaborators()).isEmpty();
        assertThat(projection.handle(new FindPortfolioQuery("rep-a", CustomerFilter.ALL, null, new PageRequest(0, 10)))
                .collaborating().total()).isZero();
    }

    /** Grading restarts no pool deadline, so the release it warned of still comes: the warning stays. */
    @Test
    void aGradeChangeKeepsThePoolWarningWhileActivityTakesItBack() {
        Instant releaseAt = T.plus(java.time.Duration.ofDays(30));
        mongo.feed(projection, 0, registered("c1", "绿源养殖场", CustomerType.FARM, SHOUGUANG, "rep-a"));
        mongo.feed(projection, 1, new CustomerPoolReminderIssuedEvent("c1", "rep-a", releaseAt, 1));
        mongo.feed(projection, 2, new CustomerGradeChangedEvent("c1", null, Grade.B, null, 1, false, "grading policy v1",
                "admin"));
        assertThat(find("c1").grade()).isEqualTo(Grade.B);
        assertThat(find("c1").poolReleaseDueAt()).isEqualTo(releaseAt);
        mongo.feed(projection, 3, new VisitRecordedEvent("c1", "v1", "rep-a", T, VisitChannel.PHONE, "回访", null, null,
                null, "rep-a"));
        assertThat(find("c1").poolReleaseDueAt()).isNull();
    }

    @Test
    void eventsAlreadyAppliedAreSkipped() {
        mongo.feed(projection, 0, registered("c1", "绿源养殖场", CustomerType.FARM, SHOUGUANG, null));
        mongo.feed(projection, 1, new CustomerClaimedEvent("c1", "rep-a", T, "rep-a"));
        mongo.feed(projection, 2, new CustomerReleasedEvent("c1", "rep-a", "x", T, "rep-a", null));
        // a redelivery of sequence 1 after 2 must not make rep-a the owner again
        mongo.feed(projection, 1, new CustomerClaimedEvent("c1", "rep-a", T, "rep-a"));
        assertThat(find("c1").inPool()).isTrue();
    }

    @Test
    void searchFiltersByTextTypeRegionOwnerAndVisibility() {
        mongo.feed(projection, 0, registered("c1", "绿源养殖场", CustomerType.FARM, SHOUGUANG, "rep-a"));
        mongo.feed(projection, 0, registered("c2", "丰收农资店", CustomerType.RETAIL_STORE, QINGZHOU, "rep-b"));
        mongo.feed(projection, 0, registered("c3", "青州绿源合作社", CustomerType.COOPERATIVE, QINGZHOU, null));
        mongo.feed(projection, 1, new CollaboratorAddedEvent("c2", "rep-a", CollaboratorRole.VIEWER, "rep-b"));

        assertThat(ids(new CustomerFilter("绿 源", null, null, null, null, null), null)).containsExactlyInAnyOrder("c1", "c3");
        assertThat(ids(new CustomerFilter(null, CustomerType.RETAIL_STORE, null, null, null, null), null)).containsExactly("c2");
        assertThat(ids(new CustomerFilter(null, null, "山东省/潍坊市/青州市", null, null, null), null)).containsExactlyInAnyOrder("c2", "c3");
        assertThat(ids(new CustomerFilter(null, null, "山东省", null, null, null), null)).hasSize(3);
        assertThat(ids(new CustomerFilter(null, null, null, "rep-b", null, null), null)).containsExactly("c2");
        assertThat(ids(new CustomerFilter(null, null, null, null, true, null), null)).containsExactly("c3");
        // rep-a sees own c1, shared c2 and pool c3; rep-b does not see c1
        assertThat(ids(CustomerFilter.ALL, "rep-a")).containsExactlyInAnyOrder("c1", "c2", "c3");
        assertThat(ids(CustomerFilter.ALL, "rep-b")).containsExactlyInAnyOrder("c2", "c3");
    }

    @Test
    void portfolioSeparatesOwnedFromCollaboratedAndPages() {
        for (int i = 0; i < 5; i++) {
            mongo.feed(projection, 0, registered("o" + i, "客户" + i, CustomerType.FARM, SHOUGUANG, "rep-a"));
        }
        mongo.feed(projection, 0, registered("x", "别家", CustomerType.FARM, SHOUGUANG, "rep-b"));
        mongo.feed(projection, 1, new CollaboratorAddedEvent("x", "rep-a", CollaboratorRole.EDITOR, "rep-b"));

        PortfolioView page = projection.handle(new FindPortfolioQuery("rep-a", CustomerFilter.ALL, null, new PageRequest(1, 2)));
        assertThat(page.owned().total()).isEqualTo(5);
        assertThat(page.owned().items()).extracting(CustomerView::customerId).containsExactly("o2", "o3");
        assertThat(page.collaborating().total()).isEqualTo(1);
    }

    @Test
    void resetEmptiesTheView() {
        mongo.feed(projection, 0, registered("c1", "绿源养殖场", CustomerType.FARM, SHOUGUANG, null));
        projection.reset();
        assertThat(projection.handle(new FindCustomerQuery("c1"))).isEmpty();
    }

    private CustomerView find(String id) {
        return projection.handle(new FindCustomerQuery(id)).orElseThrow();
    }

    private List<String> ids(CustomerFilter filter, String visibleTo) {
        return projection.handle(new SearchCustomersQuery(filter, visibleTo, new PageRequest(0, 50))).items().stream()
                .map(CustomerView::customerId).toList();
    }
}
