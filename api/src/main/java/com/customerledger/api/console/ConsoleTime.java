package com.customerledger.api.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Times as the console shows them: in the ledger's zone ({@code ledger.zone}), to the minute. */
@Component("consoleTime")
public class ConsoleTime {

    private final ZoneId zone;
    private final DateTimeFormatter minutes;
    private final DateTimeFormatter days;

    ConsoleTime(@Value("${ledger.zone}") ZoneId zone) {
        this.zone = zone;
        this.minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        this.days = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(zone);
    }

    public String format(Instant instant) {
        return instant == null ? "" : minutes.format(instant);
    }

    public String day(Instant instant) {
        return instant == null ? "" : days.format(instant);
    }

    /** The value of a {@code datetime-local} input for an instant, in the ledger's zone. */
    public String input(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(zone).format(instant);
    }

    /** A {@code datetime-local} input's value (in the ledger's zone) as an instant; null for an empty one. */
    public Instant parse(String local) {
        if (local == null || local.isBlank()) {
            return null;
        }
        return java.time.LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    public ZoneId zone() {
        return zone;
    }
}
