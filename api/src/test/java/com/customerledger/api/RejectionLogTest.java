package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A refused command is the ledger doing its job: one INFO line with its code, no WARN from the command gateway. */
@ExtendWith(OutputCaptureExtension.class)
class RejectionLogTest extends EmbeddedLedgerTest {

    @Test
    void aRefusedClaimIsOneInfoLineWithItsCode(CapturedOutput output) {
        registerRep("rep-a", 1000);
        registerRep("rep-b", 1000);
        String customerId = api.post("manager", "/api/customers", newCustomer("rep-a")).text("customerId");
        int before = output.getOut().length();

        Api.Response tooLate = api.post("rep-b", "/api/customers/" + customerId + "/claim", null);
        assertThat(tooLate.status()).isEqualTo(409);

        String logged = output.getOut().substring(before);
        assertThat(logged).contains("INFO").contains("ClaimCustomerCommand refused: CUSTOMER_ALREADY_OWNED");
        assertThat(logged).doesNotContain("WARN").doesNotContain("DefaultCommandGateway");
    }
}
