package com.customerledger.api.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * What the event processors (the projections and the command side's subscribing ones) report for every
 * event: Axon's counters of it ({@code eventProcessor_processedCounter_total}, ingested, success, failure and
 * ignored, by {@code eventProcessor}), not Axon's whole set. That set also keeps a timer and a capacity
 * reservoir per event and handler, tagged by payload type, and parses every event's timestamp for its
 * latency gauge, for every processor, also for the events a processor ignores: in a profile of a replay it
 * was an eighth of the CPU. How far behind a projection is, is {@code ledger_projection_lag}
 * ({@link ProjectionMetrics}). The command and query buses keep Axon's monitors.
 */
@Component
class EventProcessorCounts implements ConfigurerModule {

    private final MeterRegistry registry;

    EventProcessorCounts(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureMessageMonitor(EventProcessor.class, (configuration, componentType, processor) -> {
            Tags tags = Tags.of("eventProcessor", processor);
            @SuppressWarnings("unchecked")
            MessageMonitor<Message<?>> counting = (MessageMonitor<Message<?>>) (MessageMonitor<?>)
                    MessageCountingMonitor.buildMonitor("eventProcessor", registry, message -> tags);
            return counting;
        });
    }

    /** After Axon's metrics module (order 0), whose monitor for event processors this one replaces. */
    @Override
    public int order() {
        return 1;
    }
}
