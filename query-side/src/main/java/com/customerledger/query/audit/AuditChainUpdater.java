package com.customerledger.query.audit;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps the audit chain growing: links settled events every few seconds. Linking is idempotent. */
@Component
class AuditChainUpdater {

    private final AuditChain chain;

    AuditChainUpdater(AuditChain chain) {
        this.chain = chain;
    }

    @Scheduled(fixedDelayString = "${ledger.audit.link-interval}")
    void linkSettledEvents() {
        chain.extend();
    }
}
