package com.customerledger.query.audit;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the audit chain growing: links settled events every few seconds. Linking is idempotent.
 * Several query instances may run this against one MongoDB: a link's position is its key, so when
 * two link the same events at once one insert wins and the other's fails; it tries again next time,
 * and since a link depends only on the events before it, both would have written the same.
 */
@Component
class AuditChainUpdater {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AuditChainUpdater.class);

    private final AuditChain chain;
    private boolean failing;

    AuditChainUpdater(AuditChain chain) {
        this.chain = chain;
    }

    @Scheduled(fixedDelayString = "${ledger.audit.link-interval}")
    void linkSettledEvents() {
        try {
            chain.extend();
            if (failing) {
                log.info("audit chain: linking again");
                failing = false;
            }
        } catch (org.springframework.dao.DuplicateKeyException anotherInstanceLinkedThem) {
            // another query instance linked these events first
        } catch (RuntimeException unreachable) {
            // a store out of reach (Axon Server, MongoDB): one line, not a stack trace every interval
            if (!failing) {
                log.warn("audit chain: cannot link new events ({}); retrying every interval", unreachable.toString());
                failing = true;
            }
        }
    }
}
