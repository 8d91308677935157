package com.customerledger.command.expert;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.events.Region;
import com.customerledger.events.ticket.TicketKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which expert a ticket goes to: region first, then crop and species, then kind, then the least loaded. */
class DispatchTest {

    private static final Region SHOUGUANG = new Region("山东省", "潍坊市", "寿光市");
    private static final Region SHANDONG = new Region("山东省", null, null);
    private static final Region HENAN = new Region("河南省", null, null);

    private static ExpertCandidate expert(String id, Region region, List<String> crops, List<TicketKind> kinds,
                                          int capacity, int open) {
        return new ExpertCandidate(id, List.of(region), crops, List.of(), kinds, capacity, open);
    }

    @Test
    void onlyAnExpertWhoseRegionCoversTheCustomerIsCandidate() {
        Dispatch.Decision decision = Dispatch.decide(List.of(expert("henan", HENAN, List.of("小麦"), List.of(), 10, 0)),
                SHOUGUANG, TicketKind.AGRONOMY, "小麦", null);
        assertThat(decision.assigned()).isFalse();
        assertThat(decision.reason()).isEqualTo("no expert covers 山东省/潍坊市/寿光市");
    }

    @Test
    void theExpertWhoKnowsTheCropWinsOverALessLoadedOne() {
        Dispatch.Decision decision = Dispatch.decide(List.of(
                        expert("a-idle", SHANDONG, List.of("玉米"), List.of(), 10, 0),
                        expert("b-veg", SHANDONG, List.of("蔬菜"), List.of(), 10, 7)),
                SHOUGUANG, TicketKind.AGRONOMY, "蔬菜", null);
        assertThat(decision.expertId()).isEqualTo("b-veg");
        assertThat(decision.reason()).isEqualTo("covers 山东省/潍坊市/寿光市, knows 蔬菜, handles AGRONOMY, 7 of 10 open tickets");
    }

    @Test
    void cropAndSpeciesBothKnownBeatOneKnown() {
        ExpertCandidate both = new ExpertCandidate("z-both", List.of(SHANDONG), List.of("玉米"), List.of("pig"),
                List.of(), 10, 5);
        ExpertCandidate one = new ExpertCandidate("a-one", List.of(SHANDONG), List.of("玉米"), List.of(), List.of(), 10, 0);
        assertThat(Dispatch.decide(List.of(one, both), SHOUGUANG, TicketKind.AGRONOMY, "玉米", "pig").expertId())
                .isEqualTo("z-both");
    }

    @Test
    void withTheSameKnowledgeTheKindDecidesThenTheLoad() {
        List<ExpertCandidate> experts = List.of(
                expert("a-complaints", SHANDONG, List.of(), List.of(TicketKind.COMPLAINT), 10, 0),
                expert("b-agro-busy", SHANDONG, List.of(), List.of(TicketKind.AGRONOMY), 10, 6),
                expert("c-agro-idle", SHANDONG, List.of(), List.of(TicketKind.AGRONOMY), 20, 6));
        assertThat(Dispatch.decide(experts, SHOUGUANG, TicketKind.AGRONOMY, null, null).expertId()).isEqualTo("c-agro-idle");
        assertThat(Dispatch.decide(experts, SHOUGUANG, TicketKind.COMPLAINT, null, null).expertId()).isEqualTo("a-complaints");
    }

    @Test
    void equalLoadGoesToTheLowestId() {
        List<ExpertCandidate> experts = List.of(expert("b", SHANDONG, List.of(), List.of(), 4, 1),
                expert("a", SHANDONG, List.of(), List.of(), 8, 2));
        assertThat(Dispatch.decide(experts, SHOUGUANG, TicketKind.QUALITY, null, null).expertId()).isEqualTo("a");
    }

    @Test
    void anExpertAtCapacityTakesNoTicket() {
        Dispatch.Decision decision = Dispatch.decide(List.of(expert("full", SHANDONG, List.of("蔬菜"), List.of(), 2, 2)),
                SHOUGUANG, TicketKind.AGRONOMY, "蔬菜", null);
        assertThat(decision.assigned()).isFalse();
        assertThat(decision.reason()).isEqualTo("every expert covering 山东省/潍坊市/寿光市 is at capacity");
    }
}
