package vn.hocba.archive.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

import vn.hocba.archive.HocbaApplication;
import vn.hocba.archive.batch.SigningBatchRequest;
import vn.hocba.archive.batch.SigningBatchView;
import vn.hocba.archive.batch.SigningBatches;
import vn.hocba.archive.common.Caller;
import vn.hocba.archive.pki.SignatureServices;
import vn.hocba.archive.pki.SigningKeys;
import vn.hocba.archive.school.ClassTermLocks;
import vn.hocba.archive.school.SchoolDirectory;
import vn.hocba.archive.school.SchoolYearImport;
import vn.hocba.archive.security.HocbaUser;
import vn.hocba.archive.workflow.DocumentKey;
import vn.hocba.archive.workflow.DocumentView;
import vn.hocba.archive.workflow.DocumentWorkflow;
import vn.hocba.signing.PadesLevel;
import vn.hocba.signing.PdfSigner;
import vn.hocba.signing.SignatureBox;
import vn.hocba.signing.SignatureRequest;
import vn.hocba.signing.SigningToken;
import vn.hocba.signing.dss.BareDss;
import vn.hocba.signing.http.HttpTimestampSource;
import vn.hocba.signing.pki.CertificateAuthority;
import vn.hocba.signing.pki.PkiServices;

/**
 * Workflow signing benchmark (bin/bench). Prints figures; asserts nothing.
 * <ol>
 * <li>An interleaved, warmed A/B at B-B and at B-T (one Spring context per level,
 * {@code --hocba.signing.signature-level}): in every round the same freshly rendered records are signed by a bare
 * EU DSS loop with a visible signature ({@link BareDss}: same key, same PDF bytes, same text and font; at B-T the
 * bench's own local TSA), by the service's {@link PdfSigner} alone (nothing stored) and through
 * {@link DocumentWorkflow#signCurrent} (database, signing plan, certificate check, audit, visible signature), each on
 * 1 thread and on 2 threads; the order of the six phases rotates every round, and the first rounds only warm up.
 * The demo certificates are issued and checked before any timing.</li>
 * <li>The archive step alone: {@link PdfSigner#extend} of a complete record (14 B-T signatures) to B-LT and to
 * B-LTA, on copies.</li>
 * <li>The principal's countersignature: N records brought to the principal's turn (untimed), then countersigned in
 * one batch through {@link SigningBatches} (2 threads by default); the time runs until the outbox has extended every
 * one to B-LTA and archived it. A smaller batch goes first, untimed, so that the JIT has compiled the batch, extension
 * and archive code (without it the compiler took about one core through the whole timed batch).</li>
 * </ol>
 * Knobs: {@code -Dbench.rounds} (4), {@code -Dbench.warmup} (1 round), {@code -Dbench.warmupSeconds} (90, the
 * JIT's warm-up before the first round), {@code -Dbench.chunk} (128 records per 1-thread
 * phase, twice that on 2 threads: a phase lasts about half a second; with the 8 of earlier sessions a phase lasted
 * 40 ms and one collector pause moved a ratio by a tenth), {@code -Dbench.countersign} (60 records),
 * {@code -Dbench.countersignWarmup} (20 records, countersigned before the timed batch), {@code -Dbench.students=N} (the
 * school, N students from the shared generator: 2,600 by default, enough records for the rounds; 0 for the demo
 * school's 320; {@code -Dbench.students=1540 -Dbench.countersign=1500} measures the target's batch itself),
 * {@code -Dbench.parts}
 * ({@code ab,extension,countersign}: which of the three run), {@code -Dbench.archiveLevel} (the level the outbox
 * archives at, B-LTA by default: B-LT is the countersign target's level), {@code -Dbench.jfr=FILE} (a JFR recording with the JDK's
 * "default" settings from the first step to the last, written to FILE; started before any load, as a recording started
 * mid-run makes the JIT recompile and distorts what it measures), {@code -Dbench.jfrSettings=FILE.jfc} (other JFR settings,
 * e.g. parks recorded from 1 ms instead of 20).
 */
public final class WorkflowBench {

    private static final String SCHOOL = "THCS-MK2";
    private static final String YEAR = "2024-2025";
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 4);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 1);
    private static final int CHUNK = Integer.getInteger("bench.chunk", 128);
    private static final int COUNTERSIGN = Integer.getInteger("bench.countersign", 60);
    /** Students of a generated school instead of the demo school's 320 (0: the demo school). */
    private static final int STUDENTS = Integer.getInteger("bench.students", 2600);
    private static final String GEN_SCHOOL = System.getProperty("bench.genSchool", "/work/shared/tools/gen_school.py");
    /** Records countersigned (untimed) before the timed batch: the batch, extension and archive code gets compiled. */
    private static final int COUNTERSIGN_WARMUP = Integer.getInteger("bench.countersignWarmup", 20);
    private static final int EXTEND_DOCS = 5;
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmupSeconds", 90);
    /** The archive level of the B-T service (the countersign's target is B-LT; the service's default is B-LTA). */
    private static final String ARCHIVE_LEVEL = System.getProperty("bench.archiveLevel", "");
    /**
     * Which parts run: "ab" (the A/B at B-B and B-T; "ab-B-B" or "ab-B-T" for one level), "extension", "countersign";
     * all by default.
     */
    private static final List<String> PARTS = List.of(System.getProperty("bench.parts", "ab,extension,countersign")
            .split(","));

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "bench");
        t.setDaemon(true);
        return t;
    });

    /** One signature to make: the record, who signs, their key, and what the bare loop draws. */
    private record Item(DocumentKey key, Caller signer, SigningToken token, SignatureRequest request) {
    }

    /** Accumulated wall and process CPU time of one phase kind. */
    private static final class Tally {
        long items;
        long nanos;
        long cpuNanos;
        final List<Double> rates = new ArrayList<>();
        /** CPU ms by thread group over the counted phases: where the process CPU per signature went. */
        final Map<String, Double> threadCpu = new java.util.TreeMap<>();

        double rate() {
            return items / (nanos / 1e9);
        }

        double cpuMillisEach() {
            return cpuNanos / 1e6 / items;
        }
    }

    public static void main(String[] args) throws Exception {
        recorded("workflow", WorkflowBench::run);
    }

    /** A bench's body. */
    interface Body {
        void run() throws Exception;
    }

    /**
     * Runs {@code body} inside a JFR recording when {@code -Dbench.jfr=FILE} asks for one (started before any load, with
     * the JDK's {@code default} settings or those of {@code -Dbench.jfrSettings=FILE.jfc}), then writes it to FILE.
     */
    static void recorded(String bench, Body body) throws Exception {
        String jfr = System.getProperty("bench.jfr", "");
        String jfrSettings = System.getProperty("bench.jfrSettings", "");
        try (var recording = jfr.isBlank() ? null : new jdk.jfr.Recording(jfrSettings.isBlank()
                ? jdk.jfr.Configuration.getConfiguration("default") : jdk.jfr.Configuration.create(Path.of(jfrSettings)))) {
            if (recording != null) {
                recording.start();
            }
            body.run();
            if (recording != null) {
                recording.dump(Path.of(jfr));
                System.out.printf("[bench] %s: JFR recording of the whole run in %s%n", bench, jfr);
            }
        }
    }

    private static void run() throws Exception {
        System.out.printf("[bench] workflow: %d cores, load average %.1f at start; %d rounds (+%d warm-up) of %d records on "
                        + "1 thread and %d on 2, the order of the 6 phases rotated each round%n",
                Runtime.getRuntime().availableProcessors(), OS.getSystemLoadAverage(), ROUNDS, WARMUP, CHUNK, 2 * CHUNK);
        var benchCa = CertificateAuthority.createRoot("Hocba Bench Root", "Hocba bench", Clock.systemUTC());
        try (PkiServices benchPki = PkiServices.start(benchCa, 0)) {
            var benchTsa = new HttpTimestampSource(benchPki.timestampUrl(), Duration.ofSeconds(10));
            if (PARTS.contains("ab") || PARTS.contains("ab-B-B")) {
                try (ConfigurableApplicationContext app = start("B-B")) {
                    var bench = new Context(app);
                    int needed = (ROUNDS + WARMUP) * 3 * CHUNK;
                    bench.prepareForPrincipal(COUNTERSIGN + COUNTERSIGN_WARMUP); // the workflow's own warm-up (its code)
                    bench.abTest("B-B", new BareDss(bench.font(), null), bench.firstSignatures(needed));
                }
            }
            boolean abT = PARTS.contains("ab") || PARTS.contains("ab-B-T");
            if (abT || PARTS.contains("extension") || PARTS.contains("countersign")) {
                try (ConfigurableApplicationContext app = start("B-T")) {
                    var bench = new Context(app);
                    int needed = (ROUNDS + WARMUP) * 3 * CHUNK;
                    // first: it warms the workflow's code, and its records wait for the principal's batch below
                    List<DocumentKey> prepared = bench.prepareForPrincipal(COUNTERSIGN + COUNTERSIGN_WARMUP);
                    if (abT) {
                        bench.abTest("B-T", new BareDss(bench.font(), benchTsa), bench.firstSignatures(needed));
                    }
                    if (PARTS.contains("extension")) {
                        bench.extension(prepared.subList(0, Math.min(EXTEND_DOCS, prepared.size())));
                    }
                    if (PARTS.contains("countersign")) {
                        bench.countersign(prepared.subList(0, COUNTERSIGN_WARMUP), true);
                        bench.countersign(prepared.subList(COUNTERSIGN_WARMUP, prepared.size()), false);
                    }
                }
            }
        } finally {
            POOL.shutdownNow();
            DATA_DIRS.forEach(WorkflowBench::removeDataDirectory);
        }
        System.out.printf("[bench] workflow: load average %.1f at the end (other processes share these cores: figures "
                + "are noisy; CPU ms per signature is the steadier comparison)%n", OS.getSystemLoadAverage());
    }

    /**
     * A school of {@code students} students made by the shared generator ({@code -Dbench.genSchool},
     * {@code /work/shared/tools/gen_school.py}; seed 15), with the demo school's code and year.
     */
    static byte[] generateSchool(int students) throws Exception {
        Path json = Files.createTempFile("hocba-bench-school-", ".json");
        try {
            Process gen = new ProcessBuilder("python3", GEN_SCHOOL, "--students", String.valueOf(students), "--seed",
                    "15", "--year", YEAR).redirectOutput(json.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (!gen.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) || gen.exitValue() != 0) {
                throw new IllegalStateException(GEN_SCHOOL + " failed (python3 and the shared tools needed)");
            }
            return Files.readAllBytes(json);
        } finally {
            Files.deleteIfExists(json);
        }
    }

    /** The services' data directories, removed at the end: a 1,500-record countersign leaves about 8 GB. */
    private static final List<Path> DATA_DIRS = new ArrayList<>();

    private static ConfigurableApplicationContext start(String level) throws Exception {
        Path dir = Files.createTempDirectory("hocba-bench-");
        DATA_DIRS.add(dir);
        // command-line arguments: they outrank application.yaml (default properties would not)
        List<String> args = new ArrayList<>(List.of("--hocba.data-dir=" + dir, "--hocba.demo.enabled=true",
                "--hocba.demo.dataset=", "--server.port=0", "--logging.level.root=ERROR",
                "--logging.level.eu.europa.esig=ERROR", "--spring.main.banner-mode=off",
                "--hocba.signing.signature-level=" + level));
        if (!ARCHIVE_LEVEL.isBlank()) {
            args.add("--hocba.signing.archive-level=" + ARCHIVE_LEVEL);
        }
        return new SpringApplicationBuilder(HocbaApplication.class).run(args.toArray(String[]::new));
    }

    /**
     * Deletes a closed service's data directory: its archived files carry the immutable attribute where the bench runs
     * as root, so it is cleared first ({@code chattr -R -i}); what cannot be deleted is reported, not thrown.
     */
    static void removeDataDirectory(Path dir) {
        vn.hocba.archive.e2e.TestDirectories.releaseImmutable(dir);
        try {
            List<Path> paths;
            try (var walk = Files.walk(dir)) {
                paths = walk.sorted(java.util.Comparator.reverseOrder()).toList(); // children before their directory
            }
            paths.forEach(path -> path.toFile().setWritable(true)); // the store makes its files read-only
            for (Path path : paths) {
                Files.deleteIfExists(path);
            }
        } catch (Exception e) {
            System.out.printf("[bench] could not remove %s (%s): remove it by hand (chattr -R -i, then rm -r)%n", dir, e);
        }
    }

    /** One running service with the demo school imported, locked, and every staff certificate issued and checked. */
    private static final class Context {
        private final ConfigurableApplicationContext app;
        private final SchoolDirectory directory;
        private final DocumentWorkflow workflow;
        private final UserDetailsService accounts;
        private final Caller admin;
        private final SigningKeys keys;
        private final SignatureServices signatures;
        private final String schoolName;
        private final List<DocumentKey> records = new ArrayList<>();
        private int used;

        Context(ConfigurableApplicationContext app) throws Exception {
            this.app = app;
            app.getBean(SchoolYearImport.class).importDataset(dataset(), "bench");
            app.getBean(ClassTermLocks.class).lockAll(SCHOOL, YEAR, "bench"); // records render from locked terms
            directory = app.getBean(SchoolDirectory.class);
            workflow = app.getBean(DocumentWorkflow.class);
            accounts = app.getBean("accounts", UserDetailsService.class);
            admin = ((HocbaUser) accounts.loadUserByUsername("admin")).caller();
            keys = app.getBean(SigningKeys.class);
            signatures = app.getBean(SignatureServices.class);
            schoolName = directory.school(SCHOOL).orElseThrow().name();
            // the demo issues certificates in the background after an import: issue them all now (the same calls
            // wait for each other) and pass each one's certificate check, so none of it happens while timing
            long start = System.nanoTime();
            for (var staff : directory.staff(SCHOOL, YEAR)) {
                var verdict = signatures.check(token(staff.id()).chain());
                if (!verdict.valid()) {
                    throw new IllegalStateException("certificate of " + staff.id() + " refused: " + verdict);
                }
            }
            System.out.printf("[bench] %s: %d staff certificates issued and checked before timing (%.1f s)%n",
                    signatures.signing().level().label(), directory.staff(SCHOOL, YEAR).size(),
                    (System.nanoTime() - start) / 1e9);
            // records round-robin over the classes, so every chunk has several teachers
            List<List<DocumentKey>> byClass = new ArrayList<>();
            for (var c : directory.classes(SCHOOL, YEAR)) {
                byClass.add(directory.studentsOfClass(SCHOOL, YEAR, c.code()).stream()
                        .map(s -> DocumentKey.studentRecord(SCHOOL, YEAR, c.code(), s.id())).toList());
            }
            for (int i = 0; records.size() < byClass.stream().mapToInt(List::size).sum(); i++) {
                for (var keysOfClass : byClass) {
                    if (i < keysOfClass.size()) {
                        records.add(keysOfClass.get(i));
                    }
                }
            }
        }

        /**
         * The demo school (320 students), or with {@code -Dbench.students=N} a school of N students made by the shared
         * generator ({@code -Dbench.genSchool}, {@code /work/shared/tools/gen_school.py}; seed 15), with the demo
         * school's code and year.
         */
        private static byte[] dataset() throws Exception {
            if (generated == null) {
                generated = readOrGenerate(); // once: the B-B and the B-T service import the same school
            }
            return generated;
        }

        private static byte[] generated;

        private static byte[] readOrGenerate() throws Exception {
            if (STUDENTS <= 0) {
                try (InputStream in = WorkflowBench.class.getResourceAsStream("/demo/demo-school-2024-2025.json")) {
                    return in.readAllBytes();
                }
            }
            byte[] school = generateSchool(STUDENTS);
            System.out.printf("[bench] school: %d students generated by %s%n", STUDENTS, GEN_SCHOOL);
            return school;
        }

        byte[] font() throws Exception {
            try (InputStream in = WorkflowBench.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
                return in.readAllBytes();
            }
        }

        SigningToken token(String staffId) {
            var staff = directory.staff(SCHOOL, YEAR, staffId).orElseThrow();
            return keys.tokenFor(SCHOOL, schoolName, staffId, staff.fullName());
        }

        Caller caller(String staffId) {
            return ((HocbaUser) accounts.loadUserByUsername(staffId + "@" + SCHOOL)).caller();
        }

        /** Renders {@code n} fresh records; each item is the first signature of one (its class's Maths teacher). */
        List<Item> firstSignatures(int n) {
            if (used + n > records.size()) {
                throw new IllegalArgumentException("the demo school has " + records.size() + " records; " + n
                        + " asked: lower -Dbench.rounds or -Dbench.chunk");
            }
            List<DocumentKey> batch = records.subList(used, used + n);
            used += n;
            render(batch);
            Map<String, Item> byClass = new HashMap<>();
            List<Item> items = new ArrayList<>();
            for (DocumentKey key : batch) {
                var c = directory.schoolClass(SCHOOL, YEAR, key.classCode()).orElseThrow();
                String teacher = c.subjectTeachers().getOrDefault("TOAN", c.subjectTeachers().values().iterator().next());
                Caller signer = caller(teacher);
                // the signature the workflow will make (its box, page and texts): the arms sign the same thing
                var request = vn.hocba.archive.workflow.NextSignature.of(workflow, key, signer, schoolName, Instant.now());
                items.add(new Item(key, signer, token(teacher), request));
            }
            return items;
        }

        void render(List<DocumentKey> batch) {
            long start = System.nanoTime();
            for (DocumentKey key : batch) {
                workflow.render(key, admin);
            }
            System.out.printf("[bench] %s: rendered %d records through the workflow (1 thread): %.1f records/s%n",
                    signatures.signing().level().label(), batch.size(), batch.size() / ((System.nanoTime() - start) / 1e9));
        }

        byte[] pdf(DocumentKey key) {
            return workflow.pdf(key, null, admin).bytes();
        }

        /**
         * The interleaved A/B/C of one level: the same PDFs signed by the bare DSS loop, by the service's signer alone
         * ({@link PdfSigner#sign}, nothing stored) and through the workflow; prints its lines.
         */
        void abTest(String level, BareDss bare, List<Item> items) throws Exception {
            PdfSigner signer = app.getBean(PdfSigner.class);
            var settings = signatures.signing();
            Map<String, Tally> tallies = new LinkedHashMap<>();
            for (String phase : List.of("bare1", "signer1", "flow1", "bare2", "signer2", "flow2")) {
                tallies.put(phase, new Tally());
            }
            warmUp(level, bare, signer, settings, items.subList(0, 3 * CHUNK));
            long[] written = databaseWrites(); // only the workflow's arm writes to the database in the rounds
            int next = 0;
            for (int round = 0; round < WARMUP + ROUNDS; round++) {
                List<Item> one = items.subList(next, next + CHUNK);
                List<Item> two = items.subList(next + CHUNK, next + 3 * CHUNK);
                next += 3 * CHUNK;
                Map<Item, byte[]> pdfs = new HashMap<>(); // the bytes the workflow will sign, fetched untimed
                for (Item item : items.subList(next - 3 * CHUNK, next)) {
                    pdfs.put(item, pdf(item.key()));
                }
                boolean counted = round >= WARMUP;
                Map<String, Consumer<Item>> work = Map.of(
                        "bare", item -> bare.sign(pdfs.get(item), item.token(), withTime(item.request())),
                        "signer", item -> signer.sign(pdfs.get(item), item.token(), withTime(item.request()), settings),
                        "flow", item -> workflow.signCurrent(item.key(), item.signer(), null));
                List<String> order = new ArrayList<>(tallies.keySet());
                Collections.rotate(order, round);
                for (String phase : order) {
                    int threads = phase.endsWith("1") ? 1 : 2;
                    tally(tallies.get(phase), counted, threads == 1 ? one : two, threads,
                            work.get(phase.substring(0, phase.length() - 1)));
                }
            }
            String[] names = {"bare DSS loop", "signer alone", "workflow"};
            String[] arms = {"bare", "signer", "flow"};
            for (int i = 0; i < arms.length; i++) {
                Tally t1 = tallies.get(arms[i] + "1");
                Tally t2 = tallies.get(arms[i] + "2");
                System.out.printf("[bench] %s %-13s 1 thread: %5.1f/s (%5.1f CPU ms each)   2 threads: %5.1f/s (%5.1f CPU ms "
                                + "each)   2/1: %.2fx%s%n", level, names[i], t1.rate(), t1.cpuMillisEach(), t2.rate(),
                        t2.cpuMillisEach(), t2.rate() / t1.rate(), arms[i].equals("flow") ? "   [target >= 1.8x]" : "");
            }
            for (String phase : tallies.keySet()) {
                Tally t = tallies.get(phase);
                System.out.printf("[bench] %s %s CPU ms a signature by thread: %s%n", level, phase,
                        ThreadCpu.format(t.threadCpu, 0.05 * t.items, t.items, "%.2f"));
            }
            Tally bare1 = tallies.get("bare1");
            Tally bare2 = tallies.get("bare2");
            Tally flow1 = tallies.get("flow1");
            Tally flow2 = tallies.get("flow2");
            System.out.printf("[bench] %s workflow / bare DSS: %.2f on 1 thread (per round %s), %.2f on 2 threads (per round "
                            + "%s); by process CPU per signature %.2f / %.2f   [target >= 0.9]%n", level,
                    flow1.rate() / bare1.rate(), spread(flow1, bare1), flow2.rate() / bare2.rate(), spread(flow2, bare2),
                    bare1.cpuMillisEach() / flow1.cpuMillisEach(), bare2.cpuMillisEach() / flow2.cpuMillisEach());
            System.out.printf("[bench] %s signer alone / bare DSS: %.2f on 1 thread, %.2f on 2 threads%n", level,
                    tallies.get("signer1").rate() / bare1.rate(), tallies.get("signer2").rate() / bare2.rate());
            long[] after = databaseWrites();
            int rounds = WARMUP + ROUNDS;
            if (written != null && after != null) {
                // the rounds' workflow signatures, counted or not (the other arms write nothing to the database)
                int signed = rounds * 3 * CHUNK;
                System.out.printf("[bench] %s database writes in the rounds: %.1f KB and %.1f writes a workflow signature "
                                + "(%d signatures; H2's own counters, compaction included)%n", level,
                        (after[0] - written[0]) / 1024.0 / signed, (after[1] - written[1]) / (double) signed, signed);
            }
            printDatabaseStore(level);
        }

        /** H2's bytes and write calls to its file so far ({@code info.FILE_WRITE_BYTES}, {@code info.FILE_WRITE}). */
        long[] databaseWrites() {
            var jdbc = new org.springframework.jdbc.core.JdbcTemplate(app.getBean(javax.sql.DataSource.class));
            Map<String, Long> info = new HashMap<>();
            jdbc.query("select setting_name, setting_value from information_schema.settings where setting_name in "
                    + "('info.FILE_WRITE_BYTES', 'info.FILE_WRITE')", rs -> {
                        info.put(rs.getString(1), Long.parseLong(rs.getString(2)));
                    });
            return info.size() == 2 ? new long[] {info.get("info.FILE_WRITE_BYTES"), info.get("info.FILE_WRITE")} : null;
        }

        /**
         * H2's store as the A/B left it (its chunks, their fill rate, the file): each commit writes a chunk, and the
         * chunk metadata it rewrites grows with the chunks kept.
         */
        void printDatabaseStore(String level) {
            var jdbc = new org.springframework.jdbc.core.JdbcTemplate(app.getBean(javax.sql.DataSource.class));
            Map<String, String> info = new LinkedHashMap<>();
            jdbc.query("select setting_name, setting_value from information_schema.settings where setting_name in "
                            + "('info.CHUNK_COUNT', 'info.CHUNKS_FILL_RATE', 'info.FILL_RATE', 'info.FILE_SIZE', "
                            + "'info.PAGE_COUNT_LIVE', 'RETENTION_TIME', 'WRITE_DELAY')",
                    rs -> {
                        info.put(rs.getString(1), rs.getString(2));
                    });
            System.out.printf("[bench] %s database store after the A/B: %s%n", level, info);
        }

        /**
         * The JIT compiles DSS, PDFBox and Bouncy Castle for tens of seconds, a core's worth of CPU that the first
         * rounds would otherwise share with the measured threads: the bare loop and the signer alone sign the first
         * round's PDFs (nothing stored) on 2 threads for {@code bench.warmupSeconds}, before anything is timed; the
         * workflow signs the steps of records no part measures (a generated school's, {@code -Dbench.students}) beside
         * them, up to the principal's turn (a complete record would be archived while the rounds run), or its first
         * rounds pay for compiling its code and for DSS code recompiled for its calls.
         */
        void warmUp(String level, BareDss bare, PdfSigner signer, vn.hocba.signing.SigningSettings settings,
                    List<Item> items) throws Exception {
            Map<Item, byte[]> pdfs = new HashMap<>();
            for (Item item : items) {
                pdfs.put(item, pdf(item.key()));
            }
            // records no part measures (a generated school has them): the workflow signs their steps in the warm-up
            // too, so that its code (and DSS's, as the workflow calls it) is compiled before the rounds
            // (the A/B's records are taken already: they end at `used`; the countersign's are the last ones)
            List<DocumentKey> spare = new ArrayList<>(records.subList(used,
                    Math.max(used, records.size() - COUNTERSIGN - COUNTERSIGN_WARMUP)));
            Map<String, Caller> callers = new java.util.concurrent.ConcurrentHashMap<>();
            java.util.concurrent.ConcurrentLinkedQueue<DocumentKey> open = new java.util.concurrent.ConcurrentLinkedQueue<>();
            for (DocumentKey key : spare) {
                workflow.render(key, admin);
                open.add(key);
            }
            AtomicInteger flows = new AtomicInteger();
            long until = System.nanoTime() + Duration.ofSeconds(WARMUP_SECONDS).toNanos();
            int signatures = 0;
            while (System.nanoTime() < until) {
                run(items, 2, item -> {
                    bare.sign(pdfs.get(item), item.token(), withTime(item.request()));
                    signer.sign(pdfs.get(item), item.token(), withTime(item.request()), settings);
                    DocumentKey key = open.poll();
                    if (key != null) {
                        DocumentView view = workflow.current(key, admin);
                        // up to the principal's turn: a complete record would be archived beside the timed rounds
                        if (!view.awaiting().isEmpty() && view.status().name().equals("SIGNING")
                                && !principal(view.awaiting().get(0))) {
                            String staff = view.awaiting().get(0);
                            workflow.signCurrent(key, callers.computeIfAbsent(staff, this::caller), null);
                            flows.incrementAndGet();
                            open.add(key);
                        }
                    }
                });
                signatures += 2 * items.size();
            }
            System.out.printf("[bench] %s: JIT warm-up, %d signatures and %d through the workflow (on %d spare records) "
                    + "in %d s (untimed)%n", level, signatures, flows.get(), spare.size(), WARMUP_SECONDS);
        }

        /**
         * Brings {@code n} records (rendered here if need be) to the principal's turn: every subject teacher and the
         * homeroom teacher sign through the workflow, on 2 threads, untimed.
         */
        List<DocumentKey> prepareForPrincipal(int n) throws Exception {
            int forAb = PARTS.stream().anyMatch(part -> part.startsWith("ab")) ? (ROUNDS + WARMUP) * 3 * CHUNK : 0;
            if (forAb + n > records.size()) {
                throw new IllegalArgumentException("the school has " + records.size() + " records: the A/B takes "
                        + forAb + " and the countersign with its warm-up " + n + "; lower -Dbench.countersign, -Dbench.countersignWarmup, -Dbench.rounds or "
                        + "-Dbench.chunk, run the parts apart (-Dbench.parts) or generate a larger school (-Dbench.students)");
            }
            List<DocumentKey> batch = new ArrayList<>(records.subList(Math.max(0, records.size() - n), records.size()));
            long start = System.nanoTime();
            for (DocumentKey key : batch) {
                workflow.render(key, admin); // the current version when rendered already
            }
            Map<String, Caller> callers = new java.util.concurrent.ConcurrentHashMap<>();
            AtomicInteger signed = new AtomicInteger();
            run(batch, 2, key -> {
                DocumentView view = workflow.current(key, admin);
                while (view.awaiting().stream().noneMatch(this::principal)) {
                    String staff = view.awaiting().get(0);
                    view = workflow.signCurrent(key, callers.computeIfAbsent(staff, this::caller), null);
                    signed.incrementAndGet();
                }
            });
            System.out.printf("[bench] countersign set-up (untimed): %d records brought to the principal's turn, %d "
                    + "signatures in %.0f s%n", batch.size(), signed.get(), (System.nanoTime() - start) / 1e9);
            return batch;
        }

        boolean principal(String staffId) {
            return directory.staff(SCHOOL, YEAR, staffId).orElseThrow()
                    .hasRole(vn.hocba.archive.common.StaffRole.PRINCIPAL);
        }

        String principalId(DocumentKey key) {
            return workflow.current(key, admin).awaiting().stream().filter(this::principal).findFirst().orElseThrow();
        }

        /**
         * The archive step alone, on copies: each record signed by the principal (untimed, not stored), then
         * {@link PdfSigner#extend} to B-LTA, as the outbox does once per completed document.
         */
        void extension(List<DocumentKey> batch) throws Exception {
            PdfSigner signer = app.getBean(PdfSigner.class);
            String principal = principalId(batch.get(0));
            SigningToken token = token(principal);
            var name = directory.staff(SCHOOL, YEAR, principal).orElseThrow().fullName();
            List<byte[]> complete = new ArrayList<>();
            for (DocumentKey key : batch) {
                complete.add(signer.sign(pdf(key), token, new SignatureRequest(new SignatureBox(1, 5, 815, 40, 20),
                        name, "Hiệu trưởng", "Phê duyệt học bạ", schoolName, Instant.now()), signatures.signing()));
            }
            Thread.sleep(1_100); // an extension waits for the second after the newest timestamp: not part of its cost
            var settings = signatures.signing();
            Consumer<byte[]> toLt = pdf -> signer.extend(pdf, PadesLevel.B_LT, settings);
            Consumer<byte[]> toLta = pdf -> signer.extend(pdf, PadesLevel.B_LTA, settings);
            tally(new Tally(), false, complete.subList(0, Math.min(2, complete.size())), 1, toLta); // warm-up
            Tally lt = new Tally();
            Tally lta = new Tally();
            Tally lta2 = new Tally();
            List<Runnable> phases = List.of(() -> tally(lt, true, complete, 1, toLt),
                    () -> tally(lta, true, complete, 1, toLta), () -> tally(lta2, true, complete, 2, toLta));
            for (int round = 0; round < 2; round++) {
                List<Runnable> order = new ArrayList<>(phases);
                Collections.rotate(order, round);
                order.forEach(Runnable::run);
            }
            System.out.printf("[bench] archive step (the outbox, once per completed record, out of the request): a %d KB "
                            + "record with %d B-T signatures extended to B-LT: %.0f ms (%.0f CPU ms) each, to B-LTA: %.0f ms "
                            + "(%.0f CPU ms) each on 1 thread; to B-LTA on 2 threads: %.1f records/s%n",
                    complete.get(0).length / 1024, workflow.current(batch.get(0), admin).signatures().size() + 1,
                    1000 / lt.rate(), lt.cpuMillisEach(), 1000 / lta.rate(), lta.cpuMillisEach(), lta2.rate());
        }

        /**
         * The principal countersigns the prepared records in one batch ({@link SigningBatches}, what
         * {@code POST /api/v1/signing-batches} starts; its executor signs on {@code hocba.signing-batch.parallelism}
         * threads, 2 by default); timed from the start of the batch until the outbox has archived every record.
         *
         * @param warmUp an untimed batch before the timed one: one line, no target
         */
        void countersign(List<DocumentKey> batch, boolean warmUp) throws Exception {
            if (batch.isEmpty()) {
                return;
            }
            String principal = principalId(batch.get(0));
            Caller caller = caller(principal);
            if (!signatures.check(token(principal).chain()).valid()) {
                throw new IllegalStateException("the principal's certificate is refused");
            }
            List<java.util.UUID> codes = batch.stream().map(key -> workflow.current(key, admin).lookupCode()).toList();
            var batches = app.getBean(SigningBatches.class);
            int archivedBefore = archived();
            long cpu = OS.getProcessCpuTime();
            ThreadCpu threads = ThreadCpu.now();
            long start = System.nanoTime();
            var started = batches.start(new SigningBatchRequest.Listed(codes), caller);
            SigningBatchView view;
            while (!(view = batches.view(started.id(), caller, false)).status().equals("DONE")) {
                Thread.sleep(50);
            }
            double signedSeconds = (System.nanoTime() - start) / 1e9;
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            int done;
            while ((done = archived() - archivedBefore) < view.signed() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMillis = (OS.getProcessCpuTime() - cpu) / 1e6;
            String level = signatures.archiveLevel("STUDENT_RECORD").label();
            if (warmUp) {
                System.out.printf("[bench] countersign warm-up (untimed): %d records signed and archived in %.1f s%n",
                        done, seconds);
                return;
            }
            if (view.signed() < batch.size() || done < view.signed()) {
                System.out.printf("[bench] countersign: of %d records %d signed, %d failed, %d skipped; %d archived after "
                        + "%.0f s%n", batch.size(), view.signed(), view.failed(), view.skipped(), done, seconds);
            }
            System.out.printf("[bench] countersign: %d records in %.1f s -> projected 1,500 in %.0f s (target <= 30 s): one "
                            + "batch of the principal (SigningBatches, as POST /api/v1/signing-batches), signed at %s in "
                            + "%.1f s (%.1f records/s), then extended to %s and archived by the outbox; %.0f CPU ms per "
                            + "record%n", batch.size(), seconds, seconds * 1500 / batch.size(),
                    signatures.signing().level().label(), signedSeconds, batch.size() / signedSeconds, level,
                    cpuMillis / batch.size());
            System.out.printf("[bench] countersign: CPU by thread (Linux names, cut at 15 characters): %s%n",
                    ThreadCpu.now().since(threads));
        }

        int archived() {
            return workflow.recordCounts(SCHOOL, YEAR).values().stream()
                    .mapToInt(DocumentWorkflow.RecordCounts::archived).sum();
        }
    }

    /** The bare loop's request with the time of the signature (as the workflow takes it). */
    private static SignatureRequest withTime(SignatureRequest r) {
        return new SignatureRequest(r.box(), r.signerName(), r.roleLabel(), r.reason(), r.location(), Instant.now());
    }

    /** Per-round ratio range, e.g. "0.85-0.97". */
    private static String spread(Tally a, Tally b) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int i = 0; i < a.rates.size(); i++) {
            double r = a.rates.get(i) / b.rates.get(i);
            min = Math.min(min, r);
            max = Math.max(max, r);
        }
        return String.format("%.2f-%.2f", min, max);
    }

    /** Runs one phase and adds it to {@code tally} (unless a warm-up). */
    private static <T> void tally(Tally tally, boolean counted, List<T> items, int threads, Consumer<T> work) {
        long cpu = OS.getProcessCpuTime();
        ThreadCpu threadsBefore = ThreadCpu.now();
        long nanos;
        try {
            nanos = run(items, threads, work);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        long cpuNanos = OS.getProcessCpuTime() - cpu;
        if (counted) {
            tally.items += items.size();
            tally.nanos += nanos;
            tally.cpuNanos += cpuNanos;
            tally.rates.add(items.size() / (nanos / 1e9));
            ThreadCpu.now().groupsSince(threadsBefore).forEach((group, ms) -> tally.threadCpu.merge(group, ms, Double::sum));
        }
    }

    /** Runs {@code work} once per item, items shared among {@code threads} threads; returns the wall time in ns. */
    static <T> long run(List<T> items, int threads, Consumer<T> work) throws Exception {
        var next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(POOL.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < items.size(); ) {
                    work.accept(items.get(i));
                }
            }));
        }
        for (var f : done) {
            f.get();
        }
        return System.nanoTime() - start;
    }
}
