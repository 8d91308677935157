package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Claims and registrations racing through the real HTTP API: exactly one wins, the rest get 409. */
class ConcurrencyTest extends EmbeddedLedgerTest {

    @Test
    void fiftyRepsClaimingOnePoolCustomerLeaveExactlyOneOwner() throws Exception {
        long position = 0;
        for (int i = 1; i <= EXTRA_REPS; i++) {
            position = Math.max(position, registerRep(extraRep(i), 100));
        }
        Api.Response registered = api.post("manager", "/api/customers", newCustomer(null));
        String id = registered.text("customerId");

        List<Api.Response> answers = race(EXTRA_REPS, i -> api.post(extraRep(i + 1), "/api/customers/" + id + "/claim", null));

        List<Api.Response> won = answers.stream().filter(r -> r.status() == 200).toList();
        assertThat(won).hasSize(1);
        assertThat(answers.stream().filter(r -> r.status() == 409)).hasSize(EXTRA_REPS - 1);
        assertThat(answers).allMatch(r -> r.status() == 200 || r.status() == 409, "only 200 or 409");

        JsonNode history = api.get("manager", "/api/customers/" + id + "/ownership?minPosition=" + won.get(0).position()).body();
        List<String> claims = new ArrayList<>();
        history.get("periods").forEach(period -> {
            if ("CLAIM".equals(period.get("reason").asText())) {
                claims.add(period.get("repId").asText());
            }
        });
        assertThat(claims).hasSize(1);
        String owner = claims.get(0);
        answers.stream().filter(r -> r.status() == 409).forEach(lost -> assertThat(lost.text("currentOwnerRepId")).isEqualTo(owner));
        assertThat(api.get("manager", "/api/customers/" + id).body().get("ownerRepId").asText()).isEqualTo(owner);
    }

    @Test
    void twentyConcurrentRegistrationsOfOneCreditCodeMakeOneCustomer() throws Exception {
        Map<String, Object> template = newCustomer(null);
        String creditCode = template.get("creditCode").toString();

        List<Api.Response> answers = race(20, i -> {
            Map<String, Object> body = newCustomer(null);
            body.put("creditCode", creditCode);
            return api.post("manager", "/api/customers", body);
        });

        List<Api.Response> created = answers.stream().filter(r -> r.status() == 201).toList();
        assertThat(created).hasSize(1);
        List<Api.Response> refused = answers.stream().filter(r -> r.status() == 409).toList();
        assertThat(refused).hasSize(19);
        String winner = created.get(0).text("customerId");
        refused.forEach(r -> assertThat(r.text("existingCustomerId")).isEqualTo(winner));

        long position = answers.stream().mapToLong(Api.Response::position).max().orElseThrow();
        JsonNode found = api.get("manager", "/api/customers?q=" + creditCode + "&minPosition=" + position).body();
        assertThat(found.get("total").asLong()).isEqualTo(1);
    }

    interface Call {
        Api.Response call(int i) throws Exception;
    }

    static List<Api.Response> race(int parallel, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                int index = i;
                Callable<Api.Response> task = () -> {
                    start.await();
                    return call.call(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
