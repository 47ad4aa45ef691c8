package vn.hocba.archive.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;

import vn.hocba.archive.HocbaApplication;
import vn.hocba.archive.pki.SigningKeys;
import vn.hocba.archive.school.SchoolDirectory;
import vn.hocba.archive.school.SchoolYearImport;
import vn.hocba.archive.security.HocbaUser;
import vn.hocba.archive.workflow.RecordWorkflow;
import vn.hocba.signing.SigningToken;
import vn.hocba.signing.dss.SigningBench;

/**
 * Workflow signing benchmark (bin/bench): one signature per record through {@link RecordWorkflow#sign} (database,
 * signing plan, audit, visible signature) against a bare EU DSS loop on the same PDFs with the same key, on 1 and 2
 * threads. Target: the workflow at ≥ 0.9× the bare rate, and ≥ 1.8× faster on 2 threads than on 1.
 */
public final class WorkflowBench {

    private static final String SCHOOL = "THCS-MK2";
    private static final String YEAR = "2024-2025";

    public static void main(String[] args) throws Exception {
        int records = Integer.getInteger("bench.records", 120);
        Path dir = Files.createTempDirectory("hocba-bench-");
        // command-line arguments: they outrank application.yaml (default properties would not)
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HocbaApplication.class)
                .run("--hocba.data-dir=" + dir, "--hocba.demo.enabled=true", "--hocba.demo.dataset=", "--server.port=0",
                        "--logging.level.root=WARN")) {
            var imports = app.getBean(SchoolYearImport.class);
            try (InputStream in = WorkflowBench.class.getResourceAsStream("/demo/demo-school-2024-2025.json")) {
                imports.importDataset(in.readAllBytes(), "bench");
            }
            app.getBean(vn.hocba.archive.school.ClassTermLocks.class).lockAll(SCHOOL, YEAR, "bench"); // records render from locked terms
            var directory = app.getBean(SchoolDirectory.class);
            var workflow = app.getBean(RecordWorkflow.class);
            var accounts = app.getBean("accounts", UserDetailsService.class);
            var admin = ((HocbaUser) accounts.loadUserByUsername("admin")).caller();

            // records of grade-6 classes, where GV011 (Maths) is a subject teacher: one signature each
            List<String> students = new ArrayList<>();
            for (var c : directory.classes(SCHOOL, YEAR)) {
                if (c.subjectTeachers().containsValue("GV011")) {
                    directory.studentsOfClass(SCHOOL, YEAR, c.code()).forEach(s -> students.add(s.id()));
                }
            }
            List<String> batch = students.subList(0, Math.min(records, students.size()));
            long renderStart = System.nanoTime();
            for (String s : batch) {
                workflow.render(SCHOOL, YEAR, s, admin);
            }
            System.out.printf("[bench] rendered %d records through the workflow: %.1f records/s%n", batch.size(),
                    batch.size() / ((System.nanoTime() - renderStart) / 1e9));
            List<byte[]> pdfs = new ArrayList<>();
            for (String s : batch) {
                pdfs.add(workflow.pdf(SCHOOL, YEAR, s, null, admin).bytes());
            }
            var school = directory.school(SCHOOL).orElseThrow();
            SigningToken token = app.getBean(SigningKeys.class).tokenFor(SCHOOL, school.name(), "GV011",
                    directory.staff(SCHOOL, YEAR, "GV011").orElseThrow().fullName());
            var teacher = ((HocbaUser) accounts.loadUserByUsername("GV011@" + SCHOOL)).caller();
            var bare = new PAdESService(new CommonCertificateVerifier());

            // warm-up on the first 20 PDFs (bare only: workflow signatures are one per record)
            for (int i = 0; i < 20; i++) {
                SigningBench.bareSign(bare, pdfs.get(i % pdfs.size()), token);
            }
            int half = batch.size() / 2;
            double bare1 = rate(pdfs.subList(0, half), 1, pdf -> SigningBench.bareSign(bare, pdf, token));
            double bare2 = rate(pdfs, 2, pdf -> SigningBench.bareSign(bare, pdf, token));
            double flow1 = rate(batch.subList(0, half), 1, s -> workflow.sign(SCHOOL, YEAR, s, teacher));
            double flow2 = rate(batch.subList(half, batch.size()), 2, s -> workflow.sign(SCHOOL, YEAR, s, teacher));
            System.out.printf("[bench] bare DSS (invisible)       1 thread: %6.1f/s   2 threads: %6.1f/s (%.2fx)%n", bare1, bare2, bare2 / bare1);
            System.out.printf("[bench] workflow sign (visible) 1 thread: %6.1f/s   2 threads: %6.1f/s (%.2fx)%n", flow1, flow2, flow2 / flow1);
            System.out.printf("[bench] workflow / bare DSS: %.2f (1 thread), %.2f (2 threads)   [targets: >= 0.9; 2 threads >= 1.8x]%n",
                    flow1 / bare1, flow2 / bare2);
        }
    }

    /** Runs {@code work} once per item, items shared among {@code threads} threads; returns items per second. */
    private static <T> double rate(List<T> items, int threads, java.util.function.Consumer<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        var next = new java.util.concurrent.atomic.AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < items.size(); ) {
                    work.accept(items.get(i));
                }
            }));
        }
        for (var f : done) {
            f.get();
        }
        pool.shutdown();
        return items.size() / ((System.nanoTime() - start) / 1e9);
    }
}
