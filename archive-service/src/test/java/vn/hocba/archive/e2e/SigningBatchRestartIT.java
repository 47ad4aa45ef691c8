package vn.hocba.archive.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * A batch survives {@code kill -9}: the packaged service (embedded default, its demo year) signs a subject teacher's
 * rows of several classes in one batch, one document at a time, and is killed with SIGKILL while the batch runs. Started
 * again on the same data directory, it resumes the batch by itself; at the end every document is SIGNED (none
 * SKIPPED "already-signed", which a crash between the workflow's commit and the outcome's would otherwise record) and
 * carries the teacher's signature exactly once.
 */
class SigningBatchRestartIT {

    private static final String SCHOOL = "THCS-MK2";
    private static final String YEAR = "2024-2025";

    @Test
    void aBatchKilledMidwayResumesAtStartAndSignsNothingTwice() throws Exception {
        Path moduleDir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path jar = moduleDir.resolve("target/hocba.jar");
        Path workDir = TestDirectories.fresh("batch-restart");
        List<String> oneAtATime = List.of("-Dhocba.signing-batch.parallelism=1");

        // the demo year's teacher of the most classes (up to two of them)
        JsonNode dataset;
        try (InputStream in = SigningBatchRestartIT.class.getResourceAsStream("/demo/demo-school-2024-2025.json")) {
            dataset = Api.JSON.readTree(in.readAllBytes());
        }
        Map<String, List<String>> classesOf = new HashMap<>();
        for (JsonNode c : dataset.get("classes")) {
            for (var teacher : c.get("subjectTeachers").properties()) {
                classesOf.computeIfAbsent(teacher.getValue().asString(), k -> new ArrayList<>()).add(c.get("code").asString());
            }
        }
        String teacherId = classesOf.entrySet().stream().max(Comparator.comparingInt(e -> e.getValue().size()))
                .orElseThrow().getKey();
        String teacher = teacherId + "@" + SCHOOL;
        List<String> classes = classesOf.get(teacherId).subList(0, Math.min(2, classesOf.get(teacherId).size()));
        List<String> students = new ArrayList<>();
        for (JsonNode s : dataset.get("students")) {
            if (classes.contains(s.get("class").asString())) {
                students.add(s.get("id").asString());
            }
        }

        String batchId;
        int signedBeforeKill;
        PackagedApplication app = PackagedApplication.start(jar, workDir, oneAtATime);
        try {
            app.awaitReady(); // the demo year is loaded before readiness
            Api api = new Api(app.port());
            ExecutorService clerks = Executors.newFixedThreadPool(2);
            List<Future<?>> renders = new ArrayList<>();
            for (String student : students) {
                renders.add(clerks.submit(() -> {
                    var r = api.post("/api/v1/schools/" + SCHOOL + "/years/" + YEAR + "/students/" + student + "/record",
                            "admin");
                    assertThat(r.status()).as(r.text()).isEqualTo(201);
                }));
            }
            for (var f : renders) {
                f.get();
            }
            clerks.shutdown();

            // the class page offers "Ký tất cả" to whoever has records of the class awaiting them
            var classPage = api.get("/schools/" + SCHOOL + "/years/" + YEAR + "/classes/" + classes.get(0), teacher);
            assertThat(classPage.status()).isEqualTo(200);
            assertThat(classPage.text()).contains("Ký tất cả");
            assertThat(api.get("/schools/" + SCHOOL + "/years/" + YEAR + "/classes/" + classes.get(0), "GV001@" + SCHOOL)
                    .text()).doesNotContain("Ký tất cả");

            var started = api.postJson("/api/v1/signing-batches", ("{\"school\": \"" + SCHOOL + "\", \"schoolYear\": \""
                    + YEAR + "\", \"class\": null, \"documentType\": \"STUDENT_RECORD\"}").getBytes(StandardCharsets.UTF_8),
                    teacher);
            assertThat(started.status()).as(started.text()).isEqualTo(202);
            batchId = started.json().get("id").asString();
            assertThat(started.json().get("total").asInt()).isEqualTo(students.size());
            JsonNode progress;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            do {
                progress = api.get("/api/v1/signing-batches/" + batchId, teacher).json();
                Thread.sleep(20);
            } while (progress.get("signed").asInt() < 5 && System.nanoTime() < deadline);
            app.kill();
            signedBeforeKill = progress.get("signed").asInt();
            assertThat(progress.get("status").asString()).as("killed while the batch runs").isEqualTo("RUNNING");
        } finally {
            app.close();
        }

        app = PackagedApplication.start(jar, workDir, oneAtATime);
        try {
            app.awaitReady();
            Api api = new Api(app.port());
            JsonNode done = SigningBatchScenario.awaitDone(api, api.get("/api/v1/signing-batches/" + batchId, teacher).json(),
                    teacher);
            assertThat(done.get("total").asInt()).isEqualTo(students.size());
            assertThat(done.get("signed").asInt()).as(done.toString()).isEqualTo(students.size());
            assertThat(done.get("failed").asInt()).isZero();
            assertThat(done.get("skipped").asInt()).isZero();
            assertThat(signedBeforeKill).isLessThan(students.size());
            for (JsonNode item : done.get("items")) {
                var doc = api.get("/api/v1/documents/" + item.get("lookupCode").asString(), "admin").json();
                long mine = 0;
                for (JsonNode s : doc.get("signatures")) {
                    if (s.get("staff").asString().equals(teacherId)) {
                        mine++;
                    }
                }
                assertThat(mine).as("the teacher's row of " + doc.get("student").asString() + " signed once").isEqualTo(1);
                assertThat(doc.get("signatures")).as("and nobody else's").hasSize(1);
            }
            // the batch's page and its progress, for its creator only
            var page = api.get("/signing-batches/" + batchId, teacher);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.text()).contains("Ký theo lô", "Đã xong", "Đã ký");
            var progress = api.get("/signing-batches/" + batchId + "/progress", teacher);
            assertThat(progress.status()).isEqualTo(200);
            assertThat(progress.json().get("status").asString()).isEqualTo("DONE");
            assertThat(api.get("/signing-batches/" + batchId + "/progress", "GV001@" + SCHOOL).status()).isEqualTo(403);
            assertThat(api.get("/api/v1/audit/verification", "admin").json().get("valid").asBoolean()).isTrue();
            System.out.printf("SigningBatchRestartIT: %d documents, killed after %d signed, all signed once after the "
                    + "restart%n", students.size(), signedBeforeKill);
        } finally {
            app.close();
        }
    }

}
