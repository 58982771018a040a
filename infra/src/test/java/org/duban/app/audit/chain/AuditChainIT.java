package org.duban.app.audit.chain;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.duban.api.plan.CreatePlan;
import org.duban.api.plan.PlanPeriod;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.app.support.Uploads.dazuPlan;
import static org.duban.app.support.Uploads.sample;
import static org.duban.app.support.Uploads.upload;

/**
 * The tampering suite: events produced through the application (the Dazu import over HTTP), then edited,
 * deleted, swapped, forged and cut off with plain JDBC, as someone with write access to the database could.
 * Verification must fail and name the place; each case restores what it changed, so the cases stay independent.
 */
@DubanIntegrationTest
@SuppressWarnings({"rawtypes", "unchecked"})
class AuditChainIT {
    private static final String EVENT_COLUMNS = "global_index, aggregate_identifier, sequence_number, type, "
            + "event_identifier, payload_type, payload_revision, time_stamp, payload, meta_data";
    /** The Dazu import's links, (first, last], the same for every case of one run. */
    private static long dazuFirst;
    private static long dazuLast;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    ChainMonitor monitor;
    @Autowired
    CommandGateway commands;
    @Autowired
    MeterRegistry meters;
    @Autowired
    Environment environment;
    @Autowired
    ChainAnchorFile anchors;

    @BeforeEach
    void dazu_is_imported_through_the_api() {
        if (dazuLast > 0) {
            return;
        }
        long before = head().position();
        long started = System.nanoTime();
        ResponseEntity<Map> imported = upload(http, "supervisor", "dazu.xlsx",
                sample("dazu-tcm-task-decomposition-2024.xlsx"), dazuPlan());
        long importMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.CREATED);
        dazuFirst = before + 1;
        dazuLast = head().position();
        var appends = meters.get("duban.audit.chain.append").timer();
        System.out.printf("[audit-chain] Dazu import: %d events in %d ms; chain linking so far: %d commits, "
                        + "mean %.2f ms, max %.2f ms per commit%n", dazuLast - before, importMillis, appends.count(),
                appends.mean(TimeUnit.MILLISECONDS), appends.max(TimeUnit.MILLISECONDS));
        assertThat(dazuLast - before).as("the import stores its events").isGreaterThan(100);
    }

    @Test
    void an_untouched_log_verifies_and_every_event_is_on_a_gap_free_chain() {
        ChainVerification result = verifier.verify();

        assertThat(result.problems()).isEmpty();
        assertThat(result.intact()).isTrue();
        assertThat(result.complete()).isTrue();
        // up to the head verified: work an earlier test left to the job executor may append while this runs
        long events = jdbc.queryForObject("select count(*) from domain_event_entry where global_index <= ?", Long.class,
                result.head().globalIndex());
        assertThat(result.linksChecked()).isEqualTo(events);
        assertThat(jdbc.queryForObject("select count(*) from audit_chain_link where position <= ?", Long.class,
                result.head().position())).isEqualTo(events);
        assertThat(result.head().position()).isEqualTo(events);
        assertThat(result.head().algorithm()).isEqualTo("SM3");
        for (int run = 0; run < 3; run++) { // the first run includes class loading and compilation
            ChainVerification timed = run == 0 ? result : verifier.verify();
            System.out.printf("[audit-chain] verification %d: %d links in %d ms, %d events/s%n", run + 1,
                    timed.linksChecked(), timed.millis(), timed.eventsPerSecond());
        }

        ChainVerification dazu = verifier.verify(dazuFirst, dazuLast, null);
        assertThat(dazu.intact()).isTrue();
        assertThat(dazu.complete()).isFalse();
        assertThat(dazu.linksChecked()).isEqualTo(dazuLast - dazuFirst + 1);
    }

    @Test
    void an_edited_payload_is_named_by_its_position_event_aggregate_and_sequence() {
        long position = middleOfDazu();
        EventRow event = eventAt(position);
        String payload = new String(event.payload(), StandardCharsets.UTF_8);
        try {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?",
                    (payload + " ").getBytes(StandardCharsets.UTF_8), event.globalIndex());

            ChainProblem problem = firstProblem();
            assertThat(problem.kind()).isEqualTo(ChainProblem.Kind.HASH_MISMATCH);
            assertThat(problem.position()).isEqualTo(position);
            assertThat(problem.eventIdentifier()).isEqualTo(event.eventIdentifier());
            assertThat(problem.aggregateIdentifier()).isEqualTo(event.aggregateIdentifier());
            assertThat(problem.sequenceNumber()).isEqualTo(event.sequenceNumber());
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", event.payload(),
                    event.globalIndex());
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void edited_metadata_is_named_by_its_position() {
        long position = middleOfDazu() + 1;
        EventRow event = eventAt(position);
        String metadata = new String(event.metaData(), StandardCharsets.UTF_8);
        assertThat(metadata).contains("\"actorUser\":\"supervisor\"");
        try {
            jdbc.update("update domain_event_entry set meta_data = ? where global_index = ?", metadata
                    .replace("\"actorUser\":\"supervisor\"", "\"actorUser\":\"admin\"").getBytes(StandardCharsets.UTF_8),
                    event.globalIndex());

            ChainProblem problem = firstProblem();
            assertThat(problem.kind()).isEqualTo(ChainProblem.Kind.HASH_MISMATCH);
            assertThat(problem.position()).isEqualTo(position);
            assertThat(problem.eventIdentifier()).isEqualTo(event.eventIdentifier());
        } finally {
            jdbc.update("update domain_event_entry set meta_data = ? where global_index = ?", event.metaData(),
                    event.globalIndex());
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void a_deleted_event_is_named_by_the_link_it_leaves_behind() {
        long position = middleOfDazu() + 2;
        EventRow event = eventAt(position);
        try {
            jdbc.update("delete from domain_event_entry where global_index = ?", event.globalIndex());

            ChainProblem problem = firstProblem();
            assertThat(problem.kind()).isEqualTo(ChainProblem.Kind.EVENT_MISSING);
            assertThat(problem.position()).isEqualTo(position);
            assertThat(problem.eventIdentifier()).isEqualTo(event.eventIdentifier());
            assertThat(problem.globalIndex()).isEqualTo(event.globalIndex());
        } finally {
            insert(event);
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void a_deleted_event_and_its_link_leave_a_gap() {
        long position = middleOfDazu() + 3;
        EventRow event = eventAt(position);
        Map<String, Object> link = jdbc.queryForMap("select * from audit_chain_link where position = ?", position);
        try {
            jdbc.update("delete from domain_event_entry where global_index = ?", event.globalIndex());
            jdbc.update("delete from audit_chain_link where position = ?", position);

            ChainProblem problem = firstProblem();
            assertThat(problem.kind()).isEqualTo(ChainProblem.Kind.LINK_MISSING);
            assertThat(problem.position()).isEqualTo(position);
        } finally {
            insert(event);
            jdbc.update("insert into audit_chain_link (position, global_index, event_identifier, algorithm, prev_hash, "
                            + "hash) values (?, ?, ?, ?, ?, ?)", position, event.globalIndex(), event.eventIdentifier(),
                    link.get("algorithm"), prevHash(position), hash(position));
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void swapped_events_are_named_at_the_first_of_the_two() {
        long position = middleOfDazu() + 4;
        EventRow first = eventAt(position);
        EventRow second = eventAt(position + 5);
        // the two rows exchange their places in the store (identity, content and all)
        swapGlobalIndexes(first.globalIndex(), second.globalIndex());
        try {
            ChainProblem problem = firstProblem();
            assertThat(problem.kind()).isEqualTo(ChainProblem.Kind.EVENT_REPLACED);
            assertThat(problem.position()).isEqualTo(position);
            assertThat(problem.eventIdentifier()).isEqualTo(first.eventIdentifier());
            assertThat(problem.detail()).contains(second.eventIdentifier());
        } finally {
            swapGlobalIndexes(first.globalIndex(), second.globalIndex());
        }
        assertThat(verifier.verify().intact()).isTrue();

        // only the payloads exchanged: both stay where they were, with each other's content
        try {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", second.payload(), first.globalIndex());
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", first.payload(), second.globalIndex());

            ChainVerification result = verifier.verify();
            assertThat(result.problems()).extracting(ChainProblem::kind, ChainProblem::position).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(ChainProblem.Kind.HASH_MISMATCH, position),
                    org.assertj.core.groups.Tuple.tuple(ChainProblem.Kind.HASH_MISMATCH, position + 5));
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", first.payload(), first.globalIndex());
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", second.payload(), second.globalIndex());
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void a_forged_event_is_found_off_the_chain() {
        EventRow model = eventAt(middleOfDazu());
        long globalIndex = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class) + 1_000;
        EventRow forged = new EventRow(globalIndex, UUID.randomUUID().toString(), 0, model.type(),
                UUID.randomUUID().toString(), model.payloadType(), model.payloadRevision(), model.timeStamp(),
                model.payload(), model.metaData());
        insert(forged);
        try {
            ChainVerification result = verifier.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.problems()).hasSize(1);
            assertThat(result.firstProblem().kind()).isEqualTo(ChainProblem.Kind.UNCHAINED_EVENT);
            assertThat(result.firstProblem().eventIdentifier()).isEqualTo(forged.eventIdentifier());
            assertThat(result.firstProblem().globalIndex()).isEqualTo(globalIndex);
        } finally {
            jdbc.update("delete from domain_event_entry where global_index = ?", globalIndex);
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void a_cut_off_tail_is_found_by_the_head_and_a_rewound_head_by_the_recorded_one() {
        for (int i = 0; i < 3; i++) {
            commands.sendAndWait(new CreatePlan(UUID.randomUUID().toString(), "tail " + i, null, "i", new PlanPeriod(2024, 2027), "区政府督查室"));
        }
        ChainHead recorded = verifier.head().orElseThrow();
        Map<String, Object> headRow = jdbc.queryForMap("select position, global_index, hash, algorithm from audit_chain_head");
        long last = recorded.position();
        List<EventRow> cut = List.of(eventAt(last - 1), eventAt(last));
        List<Map<String, Object>> cutLinks = List.of(linkRow(last - 1), linkRow(last));
        Map<String, Object> newLast = linkRow(last - 2);
        try {
            for (EventRow event : cut) {
                jdbc.update("delete from domain_event_entry where global_index = ?", event.globalIndex());
            }
            jdbc.update("delete from audit_chain_link where position >= ?", last - 1);

            ChainProblem problem = firstProblem();
            assertThat(problem.kind()).isEqualTo(ChainProblem.Kind.TAIL_TRUNCATED);
            assertThat(problem.position()).isEqualTo(last - 1);
            assertThat(problem.detail()).contains("position " + last).contains(recorded.hash());

            // covering the tracks: the head rewound to the new last link; only a head kept outside notices
            jdbc.update("update audit_chain_head set position = ?, hash = ?, global_index = ? where id = 1", last - 2,
                    newLast.get("hash"), newLast.get("global_index"));
            assertThat(verifier.verify().intact()).isTrue();
            ChainVerification checked = verifier.verify(null, null, recorded.reference());
            assertThat(checked.intact()).isFalse();
            assertThat(checked.firstProblem().kind()).isEqualTo(ChainProblem.Kind.EXPECTED_HEAD_NOT_ON_CHAIN);
            assertThat(checked.firstProblem().position()).isEqualTo(last);
        } finally {
            cut.forEach(this::insert);
            for (Map<String, Object> link : cutLinks) {
                jdbc.update("insert into audit_chain_link (position, global_index, event_identifier, algorithm, "
                                + "prev_hash, hash) values (?, ?, ?, ?, ?, ?)", link.get("position"), link.get("global_index"),
                        link.get("event_identifier"), link.get("algorithm"), link.get("prev_hash"), link.get("hash"));
            }
            jdbc.update("update audit_chain_head set position = ?, global_index = ?, hash = ?, algorithm = ? where id = 1",
                    headRow.get("position"), headRow.get("global_index"), headRow.get("hash"), headRow.get("algorithm"));
        }
        assertThat(verifier.verify(null, null, recorded.reference()).intact()).isTrue();
    }

    /**
     * Finding 9 of issue 9: the tail cut off and the head rewritten to match, so that the database alone is
     * consistent. The head anchored outside the database catches it; without the anchor file it goes unnoticed.
     */
    @Test
    void a_cut_off_tail_under_a_consistently_rewritten_head_is_caught_by_the_anchored_head() throws Exception {
        for (int i = 0; i < 3; i++) {
            commands.sendAndWait(new CreatePlan(UUID.randomUUID().toString(), "anchored " + i, null, "i",
                    new PlanPeriod(2024, 2027), "区政府督查室"));
        }
        ChainVerification anchoring = monitor.verifyNow();
        assertThat(anchoring.intact()).isTrue();
        ChainAnchor anchor = anchors.read().last();
        assertThat(anchor.reference()).isEqualTo(anchoring.head().reference());
        Path file = anchors.file().orElseThrow();
        assertThat(Files.readAllLines(file)).last().asString().endsWith(" " + anchoring.head().reference() + " SM3");

        Map<String, Object> headRow = jdbc.queryForMap("select position, global_index, hash, algorithm from audit_chain_head");
        long last = anchor.position();
        List<EventRow> cut = List.of(eventAt(last - 1), eventAt(last));
        List<Map<String, Object>> cutLinks = List.of(linkRow(last - 1), linkRow(last));
        Map<String, Object> newLast = linkRow(last - 2);
        Path aside = file.resolveSibling(file.getFileName() + ".aside");
        try {
            for (EventRow event : cut) {
                jdbc.update("delete from domain_event_entry where global_index = ?", event.globalIndex());
            }
            jdbc.update("delete from audit_chain_link where position >= ?", last - 1);
            jdbc.update("update audit_chain_head set position = ?, hash = ?, global_index = ? where id = 1", last - 2,
                    newLast.get("hash"), newLast.get("global_index"));
            assertThat(verifier.verify().problems()).as("the database alone is consistent").isEmpty();

            ChainVerification checked = monitor.verifyNow();
            assertThat(checked.intact()).isFalse();
            assertThat(checked.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(ChainProblem.Kind.ANCHORED_HEAD_NOT_ON_CHAIN);
                assertThat(problem.position()).isEqualTo(last);
                assertThat(problem.detail()).startsWith("the chain no longer holds the head anchored at "
                        + DateTimeFormatter.ISO_INSTANT.format(anchor.anchoredAt()) + ": position " + last
                        + " (SM3 " + anchor.hash() + ")").contains("at position " + (last - 2));
            });
            assertThat(anchors.read().last()).as("a broken chain is not anchored").isEqualTo(anchor);

            // the alarm, as for any other break
            ResponseEntity<Map> health = http.withBasicAuth("admin", "duban").getForEntity("/actuator/health", Map.class);
            assertThat(health.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            Map details = (Map) ((Map) ((Map) health.getBody().get("components")).get("auditChain")).get("details");
            assertThat(((Number) details.get("firstBrokenPosition")).longValue()).isEqualTo(last);
            assertThat((String) details.get("problem")).startsWith("ANCHORED_HEAD_NOT_ON_CHAIN at position " + last);
            assertThat(meters.get("duban.audit.chain.broken").gauge().value()).isEqualTo(1.0);

            ResponseEntity<Map> api = http.withBasicAuth("auditor", "duban").getForEntity("/api/audit/chain/verification", Map.class);
            assertThat(api.getBody()).containsEntry("intact", false);
            assertThat((Map<String, Object>) api.getBody().get("firstProblem"))
                    .containsEntry("kind", "ANCHORED_HEAD_NOT_ON_CHAIN");
            assertThat(((Number) ((Map) api.getBody().get("anchor")).get("position")).longValue()).isEqualTo(last);

            CommandLine command = commandLine();
            assertThat(command.exitCode()).as(command.out()).isEqualTo(1);
            assertThat(command.out()).contains("BROKEN").contains("ANCHORED_HEAD_NOT_ON_CHAIN at position " + last)
                    .contains("NOT held by the chain");

            // what the anchor adds: without the file, the same database verifies intact, with a warning
            Files.move(file, aside);
            ResponseEntity<Map> alone = http.withBasicAuth("auditor", "duban")
                    .getForEntity("/api/audit/chain/verification", Map.class);
            assertThat(alone.getBody()).containsEntry("intact", true);
            assertThat(alone.getBody().get("anchor")).isNull();
            assertThat((List<String>) alone.getBody().get("warnings")).anySatisfy(warning ->
                    assertThat(warning).contains("no head of this chain was anchored"));
            CommandLine withoutAnchor = commandLine();
            assertThat(withoutAnchor.exitCode()).as(withoutAnchor.out()).isZero();
            assertThat(withoutAnchor.out()).contains("INTACT").contains("warning: the anchor file").contains("does not exist");
        } finally {
            if (Files.exists(aside)) {
                Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING);
            }
            cut.forEach(this::insert);
            for (Map<String, Object> link : cutLinks) {
                jdbc.update("insert into audit_chain_link (position, global_index, event_identifier, algorithm, "
                                + "prev_hash, hash) values (?, ?, ?, ?, ?, ?)", link.get("position"), link.get("global_index"),
                        link.get("event_identifier"), link.get("algorithm"), link.get("prev_hash"), link.get("hash"));
            }
            jdbc.update("update audit_chain_head set position = ?, global_index = ?, hash = ?, algorithm = ? where id = 1",
                    headRow.get("position"), headRow.get("global_index"), headRow.get("hash"), headRow.get("algorithm"));
        }
        ChainVerification whole = monitor.verifyNow();
        assertThat(whole.problems()).isEmpty();
        assertThat(whole.anchor()).isEqualTo(anchor);
        assertThat(meters.get("duban.audit.chain.broken").gauge().value()).isZero();
    }

    @Test
    void an_administrator_anchors_the_head_on_demand_and_an_auditor_may_not() {
        commands.sendAndWait(new CreatePlan(UUID.randomUUID().toString(), "on demand", null, "i", new PlanPeriod(2024, 2027), "区政府督查室"));
        String head = head().reference();

        ResponseEntity<Map> anchored = http.withBasicAuth("admin", "duban").postForEntity("/api/audit/chain/anchor",
                jsonBody(), Map.class);
        assertThat(anchored.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anchored.getBody()).containsEntry("anchored", true);
        assertThat((Map<String, Object>) anchored.getBody().get("verification")).containsEntry("intact", true);
        assertThat(anchors.read().last().reference()).isEqualTo(head);

        ResponseEntity<Map> again = http.withBasicAuth("admin", "duban").postForEntity("/api/audit/chain/anchor",
                jsonBody(), Map.class);
        assertThat(again.getBody()).as("the same head is not anchored twice").containsEntry("anchored", false);
        assertThat(((Map<String, Object>) again.getBody().get("anchor")).get("position"))
                .isEqualTo(((Map<String, Object>) anchored.getBody().get("anchor")).get("position"));

        for (String user : List.of("auditor", "supervisor")) {
            assertThat(http.withBasicAuth(user, "duban").postForEntity("/api/audit/chain/anchor", jsonBody(), Map.class)
                    .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    private static HttpEntity<String> jsonBody() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>("{}", headers);
    }

    @Test
    void concurrent_appends_make_one_gap_free_chain_in_commit_order() throws Exception {
        long before = verifier.head().orElseThrow().position();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();
        for (int thread = 0; thread < 4; thread++) {
            int t = thread;
            writers.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 25; i++) {
                    commands.sendAndWait(new CreatePlan(UUID.randomUUID().toString(), "concurrent " + t + "-" + i, null,
                            "i", new PlanPeriod(2024, 2027), "区政府督查室"));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> writer : writers) {
            writer.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        ChainVerification result = verifier.verify();
        assertThat(result.problems()).isEmpty();
        assertThat(result.head().position()).isEqualTo(before + 100);
        assertThat(jdbc.queryForObject("select count(*) from audit_chain_link where position > ?", Long.class, before))
                .isEqualTo(100);
        // chain order is commit order; the global index is handed out at insert, so the two may differ
        long inversions = jdbc.queryForObject("select count(*) from audit_chain_link a join audit_chain_link b "
                + "on b.position = a.position + 1 where a.position > ? and b.global_index < a.global_index", Long.class, before);
        var appends = meters.get("duban.audit.chain.append").timer();
        System.out.printf("[audit-chain] 4 x 25 concurrent appends: chain verified; %d neighbours are in commit order "
                        + "but not in global index order; linking so far: %d commits, mean %.2f ms, max %.2f ms%n",
                inversions, appends.count(), appends.mean(TimeUnit.MILLISECONDS), appends.max(TimeUnit.MILLISECONDS));
    }

    @Test
    void the_api_gives_the_head_and_verification_to_auditors_and_administrators_only() {
        ResponseEntity<Map> head = http.withBasicAuth("auditor", "duban").getForEntity("/api/audit/chain/head", Map.class);
        assertThat(head.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(head.getBody()).containsKeys("position", "globalIndex", "hash", "algorithm", "updatedAt");
        String reference = head.getBody().get("position") + ":" + head.getBody().get("hash");

        ResponseEntity<Map> verification = http.withBasicAuth("admin", "duban")
                .getForEntity("/api/audit/chain/verification?head=" + reference, Map.class);
        assertThat(verification.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(verification.getBody()).containsEntry("intact", true).containsEntry("complete", true);

        ResponseEntity<Map> range = http.withBasicAuth("auditor", "duban")
                .getForEntity("/api/audit/chain/verification?from=" + dazuFirst + "&to=" + dazuLast, Map.class);
        assertThat(range.getBody()).containsEntry("intact", true).containsEntry("complete", false);

        assertThat(http.withBasicAuth("supervisor", "duban").getForEntity("/api/audit/chain/verification", Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("health", "duban").getForEntity("/api/audit/chain/head", Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/audit/chain/head", Map.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<Map> bad = http.withBasicAuth("auditor", "duban")
                .getForEntity("/api/audit/chain/verification?head=nonsense", Map.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) bad.getBody().get("detail")).contains("<position>:<hash");
        assertThat(http.withBasicAuth("auditor", "duban")
                .getForEntity("/api/audit/chain/verification?from=5&to=2", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.withBasicAuth("auditor", "duban")
                .getForEntity("/api/audit/chain/verification?from=999999999", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) http.getForEntity("/v3/api-docs", Map.class).getBody().get("paths"))
                .containsKeys("/api/audit/chain/head", "/api/audit/chain/verification");
    }

    @Test
    void a_broken_chain_raises_the_alarm_in_health_and_metrics_until_it_is_whole_again() {
        long position = middleOfDazu() + 6;
        EventRow event = eventAt(position);
        try {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?",
                    "{}".getBytes(StandardCharsets.UTF_8), event.globalIndex());
            monitor.verifyNow();

            ResponseEntity<Map> health = http.withBasicAuth("admin", "duban").getForEntity("/actuator/health", Map.class);
            assertThat(health.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            Map auditChain = (Map) ((Map) health.getBody().get("components")).get("auditChain");
            assertThat(auditChain).containsEntry("status", "DOWN");
            assertThat(((Number) ((Map) auditChain.get("details")).get("firstBrokenPosition")).longValue()).isEqualTo(position);
            assertThat(meters.get("duban.audit.chain.broken").gauge().value()).isEqualTo(1.0);
            // an alarm, not an outage: the probes a load balancer polls stay up
            for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
                assertThat(http.getForEntity(probe, Map.class).getBody()).as(probe).containsEntry("status", "UP");
            }
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", event.payload(),
                    event.globalIndex());
        }
        double intactBefore = meters.get("duban.audit.chain.verifications").tag("outcome", "intact").counter().count();
        monitor.verifyNow();
        assertThat(meters.get("duban.audit.chain.broken").gauge().value()).isZero();
        assertThat(meters.get("duban.audit.chain.verifications").tag("outcome", "intact").counter().count())
                .isEqualTo(intactBefore + 1);
        ResponseEntity<Map> health = http.withBasicAuth("admin", "duban").getForEntity("/actuator/health", Map.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void the_command_line_mode_exits_0_for_an_intact_chain_and_1_naming_the_broken_link() {
        assertThat(commandLine().exitCode()).isZero();
        long position = middleOfDazu() + 7;
        EventRow event = eventAt(position);
        try {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?",
                    "{\"forged\":true}".getBytes(StandardCharsets.UTF_8), event.globalIndex());
            CommandLine broken = commandLine();
            assertThat(broken.exitCode()).isEqualTo(1);
            assertThat(broken.out()).contains("BROKEN").contains("HASH_MISMATCH at position " + position)
                    .contains(event.eventIdentifier());
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", event.payload(),
                    event.globalIndex());
        }
        CommandLine intact = commandLine("--duban.audit.verify.head=" + verifier.head().orElseThrow().reference());
        assertThat(intact.exitCode()).as(intact.out()).isZero();
        assertThat(intact.out()).contains("INTACT").contains("on the chain");
    }

    /** The query docs/AUDIT.md gives for verifying from outside, run as written; its messages hashed on their own. */
    @Test
    void the_documented_outside_query_rebuilds_every_link_on_postgres() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "AUDIT.md"));
        int start = doc.indexOf("```sql\n") + "```sql\n".length();
        String query = doc.substring(start, doc.indexOf("```", start)).trim();
        assertThat(query).startsWith("select").contains("int8send(l.position)");
        if (!TestDatabases.postgres()) {
            return; // int4send, int8send and convert_to are PostgreSQL's
        }
        query = query.substring(0, query.length() - 1); // the trailing semicolon
        List<Map<String, Object>> links = jdbc.queryForList(query);
        assertThat(links).hasSize(jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class));
        for (Map<String, Object> link : links) {
            HashAlgorithm algorithm = HashAlgorithm.ofLabel((String) link.get("algorithm"));
            assertThat(ChainHash.hex(ChainHash.digest(algorithm, ChainHash.unhex((String) link.get("message")))))
                    .as("link %s", link.get("position")).isEqualTo(link.get("hash"));
        }
    }

    private record CommandLine(int exitCode, String out) {
    }

    private CommandLine commandLine(String... extra) {
        List<String> args = new ArrayList<>(List.of(ChainVerifyCommand.FLAG,
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                "--duban.audit.anchor.file=" + environment.getProperty("duban.audit.anchor.file")));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // the test JVM's logging belongs to the application under test; the command must not reconfigure it
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        try {
            int code = ChainVerifyCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            return new CommandLine(code, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.clearProperty("org.springframework.boot.logging.LoggingSystem");
        }
    }

    private ChainProblem firstProblem() {
        ChainVerification result = verifier.verify();
        assertThat(result.intact()).as("verification must fail").isFalse();
        return result.firstProblem();
    }

    private long middleOfDazu() {
        return dazuFirst + (dazuLast - dazuFirst) / 2;
    }

    private ChainHead head() {
        return verifier.head().orElseThrow();
    }

    private record EventRow(long globalIndex, String aggregateIdentifier, long sequenceNumber, String type,
                            String eventIdentifier, String payloadType, String payloadRevision, String timeStamp,
                            byte[] payload, byte[] metaData) {
    }

    private EventRow eventAt(long position) {
        return jdbc.queryForObject("select " + EVENT_COLUMNS + " from domain_event_entry where global_index = "
                + "(select global_index from audit_chain_link where position = ?)", (row, n) -> new EventRow(
                row.getLong(1), row.getString(2), row.getLong(3), row.getString(4), row.getString(5), row.getString(6),
                row.getString(7), row.getString(8), row.getBytes(9), row.getBytes(10)), position);
    }

    private void insert(EventRow event) {
        jdbc.update("insert into domain_event_entry (" + EVENT_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.globalIndex(), event.aggregateIdentifier(), event.sequenceNumber(), event.type(),
                event.eventIdentifier(), event.payloadType(), event.payloadRevision(), event.timeStamp(), event.payload(),
                event.metaData());
    }

    private Map<String, Object> linkRow(long position) {
        return jdbc.queryForObject("select position, global_index, event_identifier, algorithm, prev_hash, hash "
                + "from audit_chain_link where position = ?", (row, n) -> Map.of("position", row.getLong(1),
                "global_index", row.getLong(2), "event_identifier", row.getString(3), "algorithm", row.getString(4),
                "prev_hash", row.getBytes(5), "hash", row.getBytes(6)), position);
    }

    /** The hash a link must have, from its neighbours: the next link's previous hash. */
    private byte[] hash(long position) {
        return jdbc.queryForObject("select prev_hash from audit_chain_link where position = ?",
                (row, n) -> row.getBytes(1), position + 1);
    }

    private byte[] prevHash(long position) {
        return jdbc.queryForObject("select hash from audit_chain_link where position = ?",
                (row, n) -> row.getBytes(1), position - 1);
    }

    private void swapGlobalIndexes(long a, long b) {
        jdbc.update("update domain_event_entry set global_index = ? where global_index = ?", -1L, a);
        jdbc.update("update domain_event_entry set global_index = ? where global_index = ?", a, b);
        jdbc.update("update domain_event_entry set global_index = ? where global_index = ?", b, -1L);
    }
}
