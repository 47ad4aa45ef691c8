package vn.hocba.archive.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * A 201 survives a crash: the packaged service (embedded default) is killed with SIGKILL at random moments while three
 * workers render and sign a class's records, then restarted on the same data directory, several times. Afterwards:
 * every signature, render and archiving that was answered is present with the same content; the archive holds nothing
 * the database does not know; the search index lists exactly the archived records, as soon as the service says it is
 * ready after each restart.
 */
class CrashRecoveryIT {

    private static final String SCHOOL = "THCS-MK2";
    private static final String BASE = "/api/v1/schools/THCS-MK2/years/2024-2025/students/";
    private static final List<String> STUDENTS = List.of("HS2400001", "HS2400010", "HS2400019", "HS2400028",
            "HS2400037", "HS2400046", "HS2400055", "HS2400064", "HS2400073", "HS2400082", "HS2400091", "HS2400100",
            "HS2400109", "HS2400118", "HS2400127", "HS2400136", "HS2400145", "HS2400154");
    private static final int KILLS = 3;
    private static final int WORKERS = 3;

    /** What the service answered with 201 (or 200 for a read after signing): each must survive. */
    private record Answer(String student, int status, JsonNode body) {
    }

    @Test
    void everyAnsweredSignatureSurvivesRepeatedKills() throws Exception {
        Path moduleDir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path jar = moduleDir.resolve("target/hocba.jar");
        Path workDir = TestDirectories.fresh("crash");
        long seed = Long.getLong("hocba.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        System.out.println("CrashRecoveryIT seed " + seed + " (rerun with -Dhocba.crash.seed=" + seed + ")");
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

        for (int round = 0; round <= KILLS; round++) {
            PackagedApplication app = PackagedApplication.start(jar, workDir);
            try {
                app.awaitReady();
                // as soon as the service says it is ready, the index agrees with the database
                assertIndexAgreesWithDatabase(new Api(app.port()), app);
                assertAnswersPresent(new Api(app.port()), answers);
                boolean last = round == KILLS;
                AtomicBoolean stop = new AtomicBoolean();
                ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
                List<Future<?>> running = new ArrayList<>();
                List<String> pending = Collections.synchronizedList(new ArrayList<>(STUDENTS));
                for (int w = 0; w < WORKERS; w++) {
                    running.add(workers.submit(() -> work(new Api(app.port()), pending, answers, stop)));
                }
                if (!last) {
                    Thread.sleep(1500 + random.nextInt(4000));
                    app.kill();
                    stop.set(true);
                }
                workers.shutdown();
                assertThat(workers.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
                if (last) {
                    for (var f : running) {
                        f.get(); // a failure of a worker in the last round fails the test
                    }
                }
            } finally {
                app.close();
            }
        }

        // a final restart, then the whole picture
        PackagedApplication app = PackagedApplication.start(jar, workDir);
        try {
            app.awaitReady();
            Api api = new Api(app.port());
            assertAnswersPresent(api, answers);
            Map<String, JsonNode> records = new HashMap<>();
            for (String s : STUDENTS) {
                var r = api.get(BASE + s + "/record", "admin");
                assertThat(r.status()).as(s + " " + r.text()).isEqualTo(200);
                records.put(s, r.json());
                assertThat(r.json().get("status").asString()).as(s + " was signed to the end").isEqualTo("ARCHIVED");
            }
            Set<String> archivedShas = new HashSet<>();
            records.values().forEach(r -> archivedShas.add(r.get("sha256").asString()));
            assertThat(archivedFileShas(workDir.resolve("data/archive")))
                    .as("the archive holds nothing the database does not know").isEqualTo(archivedShas);
            assertIndexAgreesWithDatabase(api, app);
            var integrity = api.get("/api/v1/integrity", "admin").json();
            assertThat(integrity.get("failures")).as(integrity.toString()).isEmpty();
            assertThat(api.get("/api/v1/audit/verification", "admin").json().get("valid").asBoolean()).isTrue();
            assertThat(answers.stream().filter(a -> a.status() == 201).count()).as("signatures answered").isGreaterThan(100);
        } finally {
            app.close();
        }
        // five starts, three kills, a few hundred signatures: the log holds no personal data of the students signed
        String log = Files.readString(workDir.resolve("hocba.log"));
        JsonNode dataset;
        try (var in = getClass().getResourceAsStream("/demo/demo-school-2024-2025.json")) {
            dataset = Api.JSON.readTree(in.readAllBytes());
        }
        for (JsonNode s : dataset.get("students")) {
            if (STUDENTS.contains(s.get("id").asString())) {
                for (String field : List.of("fullName", "father", "mother", "dateOfBirth", "address")) {
                    if (s.hasNonNull(field)) {
                        assertThat(log).as("the log names no student's " + field).doesNotContain(s.get(field).asString());
                    }
                }
            }
        }
    }

    /** Renders and signs students from {@code pending} until none is left or the service is gone. */
    private static void work(Api api, List<String> pending, ConcurrentLinkedQueue<Answer> answers, AtomicBoolean stop) {
        try {
            while (!stop.get()) {
                String student;
                synchronized (pending) {
                    if (pending.isEmpty()) {
                        return;
                    }
                    student = pending.remove(0);
                }
                var rendered = api.post(BASE + student + "/record", "admin");
                if (rendered.status() == 201) {
                    answers.add(new Answer(student, 201, rendered.json()));
                }
                JsonNode record = rendered.json();
                while (!stop.get() && record.get("status").asString().equals("SIGNING") && !record.get("awaiting").isEmpty()) {
                    for (JsonNode staff : record.get("awaiting")) {
                        var signed = api.post(BASE + student + "/record/signatures", staff.asString() + "@" + SCHOOL);
                        if (signed.status() == 201) {
                            answers.add(new Answer(student, 201, signed.json()));
                        } else if (signed.status() != 409) {
                            throw new AssertionError(student + " " + staff + ": " + signed.status() + " " + signed.text());
                        }
                    }
                    record = api.get(BASE + student + "/record", "admin").json();
                }
            }
        } catch (UncheckedIOException killed) {
            if (!stop.get()) {
                // the kill may come before the flag: only a failure while the service is meant to run counts
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (!stop.get()) {
                    throw killed;
                }
            }
        }
    }

    /** Every answered render and signature is in the record now, with the same signing time. */
    private static void assertAnswersPresent(Api api, ConcurrentLinkedQueue<Answer> answers) {
        Map<String, JsonNode> now = new HashMap<>();
        for (Answer a : answers) {
            JsonNode current = now.computeIfAbsent(a.student(), s -> api.get(BASE + s + "/record", "admin").json());
            assertThat(current.get("lookupCode").asString()).as(a.student() + ": the answered render")
                    .isEqualTo(a.body().get("lookupCode").asString());
            Set<String> present = new HashSet<>();
            current.get("signatures").forEach(s -> present.add(s.toString()));
            a.body().get("signatures").forEach(s -> assertThat(present).as(a.student() + ": answered " + s).contains(s.toString()));
            if (a.body().get("status").asString().equals("ARCHIVED")) {
                assertThat(current.get("status").asString()).isEqualTo("ARCHIVED");
                assertThat(current.get("sha256").asString()).isEqualTo(a.body().get("sha256").asString());
            }
        }
    }

    private static void assertIndexAgreesWithDatabase(Api api, PackagedApplication app) {
        Set<String> archived = new HashSet<>();
        for (String s : STUDENTS) {
            var r = api.get(BASE + s + "/record", "admin");
            if (r.status() == 200 && r.json().get("status").asString().equals("ARCHIVED")) {
                archived.add(r.json().get("lookupCode").asString());
            }
        }
        Set<String> indexed = new HashSet<>();
        for (int page = 0; ; page++) {
            var r = api.get("/api/v1/search?q=&size=100&page=" + page, "admin");
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            r.json().get("hits").forEach(h -> {
                assertThat(h.get("status").asString()).isEqualTo("ARCHIVED");
                indexed.add(h.get("lookupCode").asString());
            });
            if (r.json().get("hits").size() < 100) {
                break;
            }
        }
        assertThat(indexed).as("the search index lists exactly the archived records\n" + app.logTail(40))
                .isEqualTo(archived);
    }

    /** The sha256 of every complete object under records/ of the filesystem store (a data file with its sidecar). */
    private static Set<String> archivedFileShas(Path archive) throws IOException {
        Path records = archive.resolve("records");
        if (!Files.isDirectory(records)) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        try (Stream<Path> files = Files.walk(records)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith(".pdf~data") && Files.exists(p.resolveSibling(name.replace("~data", "~meta")))) {
                    out.add(name.substring(0, name.indexOf('.')));
                }
            }
        }
        return out;
    }

}
