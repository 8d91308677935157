package com.customerledger.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Customer Ledger: who owns which customer, as an event-sourced record. */
@SpringBootApplication(scanBasePackages = "com.customerledger")
@EntityScan("com.customerledger") // the read-model documents (and their indexes) are known from the start
@ConfigurationPropertiesScan
@EnableScheduling
public class LedgerApplication {

    /** Axon's update checker phones home at start; the ledger runs in closed networks, so it is off unless asked for. */
    static final String UPDATE_CHECKER = "axoniq.update-checker.disabled";

    public static void main(String[] args) {
        if (System.getProperty(UPDATE_CHECKER) == null && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty(UPDATE_CHECKER, "true");
        }
        SpringApplication.run(LedgerApplication.class, args);
    }
}
