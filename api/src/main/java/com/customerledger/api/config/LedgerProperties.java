package com.customerledger.api.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of the ledger, under {@code ledger.*}; defaults live in application.yml, not here.
 *
 * @param dataDir     where the embedded event store and read-model store keep their files
 * @param storage     how the embedded event store (SQLite) makes a commit durable
 * @param commands    how long a write waits for its command to be stored
 * @param reads       how long a read with {@code minPosition} may wait for the projections, and how
 *                    long any query may take
 * @param projections processor tuning of the MongoDB projections
 * @param pool        how often due public-pool deadlines are picked up
 * @param snapshots   when aggregates are snapshotted
 * @param security    users of the embedded default and the claims read from a JWT
 * @param http        limits on what a request may send
 * @param readModels  how the embedded read-model store writes its file
 * @param postgres    how commands meet each other on a command side's PostgreSQL
 */
@Validated
@ConfigurationProperties(prefix = "ledger")
public record LedgerProperties(
        @NotNull Path dataDir,
        @NotNull @Valid Storage storage,
        @NotNull @Valid Commands commands,
        @NotNull @Valid Reads reads,
        @NotNull @Valid ProjectionSettings projections,
        @NotNull @Valid Pool pool,
        @NotNull @Valid Snapshots snapshots,
        @NotNull @Valid Audit audit,
        @NotNull @Valid Security security,
        @NotNull @Valid Http http,
        @NotNull @Valid ReadModels readModels,
        @NotNull @Valid Postgres postgres) {

    /**
     * A command side on PostgreSQL ({@code spring.datasource.url}); unused on the embedded store.
     *
     * @param commandAttempts how many times a command whose SERIALIZABLE transaction lost a race with
     *                        another (SQLState 40001, 40P01, 23505) is handled before it is answered 503
     */
    public record Postgres(@Min(1) int commandAttempts) {
    }

    /** How often the embedded read-model store commits to its file (a crash loses at most this much, re-applied on start). */
    public record ReadModels(@NotNull Duration commitInterval) {
    }

    /**
     * The embedded event store, a SQLite file in {@code dataDir}.
     *
     * @param durability  how a commit reaches stable storage before the command is answered
     * @param busyTimeout how long a write waits for the store's single write lock before failing
     * @param poolSize    connections to the store (readers run beside the one writer)
     * @param migrateH2   copy an H2 data directory of an earlier version into a new SQLite store at start
     */
    public record Storage(@NotNull Durability durability, @NotNull Duration busyTimeout, @Min(2) int poolSize,
                          boolean migrateH2) {
    }

    /** How a commit of the embedded event store reaches stable storage before the command is answered. */
    public enum Durability {
        /**
         * {@code synchronous=NORMAL}, and one fdatasync of the write-ahead log for all the commits
         * that waited on it (group commit, see {@code WalSync}).
         */
        GROUP_COMMIT,
        /** {@code synchronous=FULL}: SQLite syncs the write-ahead log at every commit itself. */
        FULL
    }

    /** The largest request body the ledger reads (larger: 413 before anything is parsed). */
    public record Http(@NotNull org.springframework.util.unit.DataSize maxBodySize) {
    }

    public record Commands(@NotNull Duration timeout) {
    }

    public record Reads(@NotNull Duration maxWait, @NotNull Duration queryTimeout) {
    }

    /**
     * How long the audit chain waits for a missing position to be filled by a transaction still
     * committing before it passes over it (a rolled-back append leaves a permanent gap), and how
     * often linking runs.
     */
    public record Audit(@NotNull Duration gapTimeout, @NotNull Duration linkInterval) {
    }

    /** How often due public-pool reminders and releases are picked up. */
    public record Pool(@NotNull Duration schedulerPolling) {
    }

    /** A Customer is snapshotted once loading it has taken more than {@code customerThreshold} events. */
    public record Snapshots(@Min(1) int customerThreshold) {
    }

    public record ProjectionSettings(@Min(1) int batchSize, @Min(1) int segments, @NotNull Duration claimTimeout) {
    }

    public record Security(List<User> users, @NotNull @Valid Jwt jwt) {

        public Security {
            users = users == null ? List.of() : List.copyOf(users);
        }
    }

    /** A user of the embedded default; {@code password} is stored with an encoder prefix such as {noop} or {bcrypt}. */
    public record User(@NotNull String username, @NotNull String password, @NotNull List<String> roles, String repId,
                       String customerId) {
    }

    /** Which claims of a JWT carry the user id, the roles, the rep id and a dealer's customer id. */
    public record Jwt(@NotNull String userIdClaim, @NotNull String rolesClaim, @NotNull String repIdClaim,
                      String customerIdClaim) {

        public Jwt {
            customerIdClaim = customerIdClaim == null ? "customer_id" : customerIdClaim;
        }
    }
}
