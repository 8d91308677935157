package com.customerledger.query.funnel;

import static com.customerledger.events.OpportunityStage.LEAD;
import static com.customerledger.events.OpportunityStage.QUOTED;
import static com.customerledger.events.OpportunityStage.SAMPLE_SENT;
import static com.customerledger.events.OpportunityStage.VISITED;
import static com.customerledger.events.OpportunityStage.WON;
import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.events.OpportunityStage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForecastTest {

    private static final Map<OpportunityStage, Double> DEFAULTS = Map.of(LEAD, 0.1, VISITED, 0.2, SAMPLE_SENT, 0.35,
            QUOTED, 0.5);

    private static Forecast.Rate rate(Forecast forecast, OpportunityStage stage) {
        return forecast.rates().stream().filter(r -> r.stage() == stage).findFirst().orElseThrow();
    }

    @Test
    void eachStagesRateIsTheShareWonOfTheClosedOnesThatReachedIt() {
        List<Forecast.Closed> closed = new ArrayList<>();
        // 4 won (all reached QUOTED), 2 lost after QUOTED, 2 lost after VISITED, 2 lost as leads
        for (int i = 0; i < 4; i++) {
            closed.add(new Forecast.Closed(WON, true));
        }
        closed.add(new Forecast.Closed(QUOTED, false));
        closed.add(new Forecast.Closed(QUOTED, false));
        closed.add(new Forecast.Closed(VISITED, false));
        closed.add(new Forecast.Closed(VISITED, false));
        closed.add(new Forecast.Closed(LEAD, false));
        closed.add(new Forecast.Closed(LEAD, false));
        List<Forecast.Open> open = List.of(new Forecast.Open(LEAD, new BigDecimal("1000")),
                new Forecast.Open(QUOTED, new BigDecimal("20000")), new Forecast.Open(QUOTED, null),
                new Forecast.Open(SAMPLE_SENT, new BigDecimal("3000")));
        Forecast forecast = Forecast.of(Instant.EPOCH, Instant.EPOCH, closed, open, DEFAULTS, 5);

        assertThat(rate(forecast, LEAD).rate()).isEqualTo(0.4);   // 4 of 10
        assertThat(rate(forecast, LEAD).basis()).isEqualTo(10);
        assertThat(rate(forecast, VISITED).rate()).isEqualTo(0.5); // 4 of 8
        assertThat(rate(forecast, QUOTED).rate()).isEqualTo(0.6667); // 4 of 6
        assertThat(rate(forecast, QUOTED).learned()).isTrue();
        // 6 reached SAMPLE_SENT (the 4 won, the 2 lost after QUOTED)
        assertThat(rate(forecast, SAMPLE_SENT).rate()).isEqualTo(0.6667);
        assertThat(forecast.openOpportunities()).isEqualTo(4);
        assertThat(forecast.expectedValue()).isEqualByComparingTo("24000");
        // 1000 × 0.4 + 3000 × 0.6667 + 20000 × 0.6667
        assertThat(forecast.weightedValue()).isEqualByComparingTo(new BigDecimal("400.00").add(new BigDecimal("2000.10"))
                .add(new BigDecimal("13334.00")));
    }

    @Test
    void tooLittleHistoryUsesTheDefaultRateAndSaysSo() {
        List<Forecast.Closed> closed = List.of(new Forecast.Closed(WON, true), new Forecast.Closed(LEAD, false));
        Forecast forecast = Forecast.of(Instant.EPOCH, Instant.EPOCH, closed, List.of(new Forecast.Open(VISITED,
                new BigDecimal("10000"))), DEFAULTS, 5);
        assertThat(rate(forecast, VISITED).learned()).isFalse();
        assertThat(rate(forecast, VISITED).rate()).isEqualTo(0.2);
        assertThat(rate(forecast, VISITED).basis()).isEqualTo(1);
        assertThat(forecast.weightedValue()).isEqualByComparingTo("2000.00");
        Forecast empty = Forecast.of(Instant.EPOCH, Instant.EPOCH, List.of(), List.of(), DEFAULTS, 5);
        assertThat(empty.openOpportunities()).isZero();
        assertThat(empty.weightedValue()).isEqualByComparingTo("0");
    }
}
