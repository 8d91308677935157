package com.customerledger.api.config;

import com.customerledger.api.web.Commands;
import com.customerledger.query.ProjectionProgress;
import com.customerledger.query.Projections;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * Per projection, how many events it is behind the event store's head ({@code ledger_projection_lag})
 * and where it is ({@code ledger_projection_position}); events per second come from Axon's own
 * {@code eventProcessor_processedCounter_total}.
 */
@Component
class ProjectionMetrics implements MeterBinder {

    private final ProjectionProgress progress;
    private final Commands commands;

    ProjectionMetrics(ProjectionProgress progress, Commands commands) {
        this.progress = progress;
        this.commands = commands;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String projection : Projections.ALL) {
            Gauge.builder("ledger.projection.lag", () -> lag(projection))
                    .description("events the projection has not applied yet").tag("projection", projection)
                    .register(registry);
            Gauge.builder("ledger.projection.position", () -> progress.position(projection).orElse(-1))
                    .description("global position of the last event the projection applied").tag("projection", projection)
                    .register(registry);
        }
    }

    private double lag(String projection) {
        long headPosition = commands.headPosition();
        return progress.position(projection).stream().mapToDouble(position -> Math.max(0, headPosition - position))
                .findFirst().orElse(headPosition);
    }
}
