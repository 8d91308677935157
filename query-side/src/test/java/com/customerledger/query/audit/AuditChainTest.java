package com.customerledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.query.MongoFixture;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The chain never calls a check over nothing ok: events without links, and links whose events are
 * all gone (a read-model database pointed at another event store), are reported as such.
 */
class AuditChainTest {

    private final MongoFixture mongo = new MongoFixture();
    private final ListStore store = new ListStore();
    private final AuditChain chain = new AuditChain(store, mongo.template(), Clock.systemUTC(), Duration.ofSeconds(30));

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void eventsWithoutLinksAreNotLinkedYetNeverOk() {
        store.add(3);
        AuditChain.Verification unlinked = chain.verify();
        assertThat(unlinked.ok()).isFalse();
        assertThat(unlinked.outcome()).isEqualTo(AuditChain.Outcome.NOT_LINKED_YET);
        assertThat(unlinked.notYetLinked()).isEqualTo(3);

        assertThat(chain.extend()).isEqualTo(3);
        AuditChain.Verification verified = chain.verify();
        assertThat(verified.ok()).isTrue();
        assertThat(verified.checked()).isEqualTo(3);
        assertThat(chain.positionsOf(List.of("e-2", "e-9"))).containsOnlyKeys("e-2").containsEntry("e-2", 2L);
    }

    @Test
    void linksWhoseEventsAreAllGoneAreAMismatch() {
        store.add(2);
        chain.extend();
        store.events.clear();
        AuditChain.Verification gone = chain.verify();
        assertThat(gone.ok()).isFalse();
        assertThat(gone.outcome()).isEqualTo(AuditChain.Outcome.MISMATCH);
        assertThat(gone.firstMismatch()).containsEntry("problem", "missing from the event store");
    }

    @Test
    void anEventNotLinkedYetIsFoundAfterTheHead() {
        store.add(2);
        chain.extend();
        store.add(1);
        assertThat(chain.positionsOf(List.of("e-1", "e-3"))).containsEntry("e-1", 1L).containsEntry("e-3", 3L);
    }

    /**
     * Each link interval starts from the head this instance last linked, not a sort of the whole chain; when
     * that head is no longer what is stored (the chain was wiped) or another instance linked further, the
     * chain still comes out whole and verified.
     */
    @Test
    void linkingGoesOnFromTheHeadItKnowsAndNoticesWhenThatHeadIsStale() {
        store.add(3);
        assertThat(chain.extend()).isEqualTo(3);
        AuditChain other = new AuditChain(store, mongo.template(), Clock.systemUTC(), Duration.ofSeconds(30));
        store.add(2);
        assertThat(other.extend()).as("another instance links 4 and 5").isEqualTo(2);
        store.add(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(chain::extend).as("4 is linked already")
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThat(chain.extend()).as("from the stored head, 5").isEqualTo(1);
        assertThat(chain.verify().checked()).isEqualTo(6);

        mongo.template().dropCollection(AuditChain.Link.class);
        assertThat(chain.extend()).as("the known head is gone: linked again from the first event").isEqualTo(6);
        AuditChain.Verification verified = chain.verify();
        assertThat(verified.ok()).isTrue();
        assertThat(verified.checked()).isEqualTo(6);
        assertThat(verified.head()).isEqualTo(6);
    }

    /** Events at positions 1, 2, …, in a list. */
    static final class ListStore implements StoredEvents {
        final List<StoredEvent> events = new ArrayList<>();

        void add(int count) {
            for (int i = 0; i < count; i++) {
                long position = events.isEmpty() ? 1 : events.get(events.size() - 1).position() + 1;
                events.add(new StoredEvent(position, "e-" + position, "Customer", null, "customer:c-" + position, 0,
                        Instant.parse("2026-03-01T08:00:00Z").toString(), "Registered",
                        "{}".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8)));
            }
        }

        @Override
        public List<StoredEvent> after(long position, int limit) {
            return events.stream().filter(e -> e.position() > position).limit(limit).toList();
        }

        @Override
        public long head() {
            return events.isEmpty() ? 0 : events.get(events.size() - 1).position();
        }

        @Override
        public long countAfter(long position) {
            return events.stream().filter(e -> e.position() > position).count();
        }

        @Override
        public List<StoredEvent> page(long after, long upTo, int limit) {
            return events.stream().filter(e -> e.position() > after && e.position() <= upTo).limit(limit).toList();
        }

        @Override
        public List<StoredEvent> ofAggregate(String aggregateId) {
            return events.stream().filter(e -> e.aggregateId().equals(aggregateId)).map(e -> e.at(0)).toList();
        }

        @Override
        public void recordedIn(Collection<String> payloadTypes, Instant from, Instant to, Consumer<StoredEvent> each) {
            events.stream().filter(e -> payloadTypes.contains(e.payloadType())).forEach(each);
        }
    }
}
