package vn.hocba.archive.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import vn.hocba.archive.school.DatasetReader;
import vn.hocba.archive.school.DatasetWorkbooks;
import vn.hocba.archive.school.TwentyMistakes;

/**
 * The dataset as an XLSX workbook over HTTP, against the packaged jar started with a heap of 512 MB
 * ({@code -Xmx512m}, exiting on OutOfMemoryError): template, exports, re-import of an unchanged export (XLSX and
 * JSON), a workbook with twenty mistakes refused whole with each placed at its cell, files that are no workbook, and
 * a 1,500-student workbook (tools/gen_school.py, written by our exporter) imported within that heap.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class XlsxImportIT {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String YEAR = "/api/v1/schools/THCS-MK2/years/2024-2025";
    /** Where the shared generator lives on this machine; {@code -Dhocba.gen-school=…} to point elsewhere. */
    static final Path GEN_SCHOOL = Path.of(System.getProperty("hocba.gen-school", "/work/shared/tools/gen_school.py"));

    @TempDir
    static Path workDir;

    private static PackagedApplication app;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startTheJarWithA512MegabyteHeap() throws Exception {
        Path moduleDir = Path.of(System.getProperty("user.dir"));
        app = PackagedApplication.start(moduleDir.resolve("target/hocba.jar"), workDir,
                List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError"));
        // the login page answers before the demo school is loaded; readiness waits for it
        var http = HttpClient.newHttpClient();
        var ready = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/actuator/health/readiness")).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            assertThat(System.nanoTime()).as("ready within 2 minutes").isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (app != null) {
            app.close();
        }
    }

    record Answer(int status, String contentType, byte[] body) {
        JsonNode json() {
            return Api.JSON.readTree(body);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private Answer send(HttpRequest.Builder request, String account) throws IOException, InterruptedException {
        if (account != null) {
            String[] userPass = account.split(":", 2);
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (userPass[0] + ":" + (userPass.length > 1 ? userPass[1] : "demo")).getBytes(StandardCharsets.UTF_8)));
        }
        var response = http.send(request.timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    private Answer get(String path, String account) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).GET(), account);
    }

    private Answer post(byte[] body, String contentType, String account) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/imports"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)), account);
    }

    private Answer upload(byte[] file, String filename, String account) throws IOException, InterruptedException {
        String boundary = "hocba-" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return post(body.toByteArray(), "multipart/form-data; boundary=" + boundary, account);
    }

    private static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detailVi").asString()).isNotBlank();
    }

    @Test
    @Order(7)
    void theTemplateIsAnEmptyWorkbookWithInstructionsInVietnamese() throws Exception {
        Answer template = get("/api/v1/imports/template.xlsx", "admin:admin");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.contentType()).startsWith(XLSX);
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
            assertThat(wb.getSheetName(0)).isEqualTo("Hướng dẫn");
            assertThat(wb.getSheet("assessments").getRow(0).getCell(5).getStringCellValue()).isEqualTo("final");
            assertThat(wb.getSheet("assessments").getLastRowNum()).isZero();
        }
        assertProblem(get("/api/v1/imports/template.xlsx", null), 401);
    }

    @Test
    @Order(2)
    void theDemoExportedAsXlsxOrJsonReimportsWithNothingChanged() throws Exception {
        Answer xlsx = get(YEAR + "/dataset.xlsx", "admin:admin");
        assertThat(xlsx.status()).as(xlsx.text()).isEqualTo(200);
        assertThat(xlsx.contentType()).startsWith(XLSX);
        Answer asBody = post(xlsx.body(), XLSX, "admin:admin");
        assertThat(asBody.status()).as(asBody.text()).isEqualTo(201);
        assertThat(asBody.json().get("changed").asBoolean()).isFalse();
        assertThat(asBody.json().get("counts").get("students").asInt()).isEqualTo(320);
        Answer asUpload = upload(xlsx.body(), "THCS-MK2.xlsx", "admin:admin");
        assertThat(asUpload.status()).as(asUpload.text()).isEqualTo(201);
        assertThat(asUpload.json().get("changed").asBoolean()).isFalse();

        Answer json = get(YEAR + "/dataset.json", "admin:admin");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().get("format").asString()).isEqualTo("hocba.school-year/v1");
        Answer jsonAgain = post(json.body(), "application/json", "admin:admin");
        assertThat(jsonAgain.status()).as(jsonAgain.text()).isEqualTo(201);
        assertThat(jsonAgain.json().get("changed").asBoolean()).isFalse();
        assertThat(jsonAgain.json().get("sha256").asString()).isEqualTo(asBody.json().get("sha256").asString());
        // the JSON as the school first sent it (the demo file, another order and layout) is the same dataset
        byte[] demo = XlsxImportIT.class.getResourceAsStream("/demo/demo-school-2024-2025.json").readAllBytes();
        Answer original = post(demo, "application/json", "admin:admin");
        assertThat(original.json().get("changed").asBoolean()).isFalse();
        assertThat(original.json().get("sha256").asString()).isEqualTo(asBody.json().get("sha256").asString());
    }

    @Test
    @Order(3)
    void theExportsAreForTheAdministratorAndTheSchoolsStaffWithASchoolWideRole() throws Exception {
        assertThat(get(YEAR + "/dataset.json", "GV001@THCS-MK2").status()).isEqualTo(200); // the principal
        assertThat(get(YEAR + "/dataset.xlsx", "GV001@THCS-MK2").status()).isEqualTo(200);
        String teacher = teacherOnly();
        assertProblem(get(YEAR + "/dataset.json", teacher + "@THCS-MK2"), 403);
        assertProblem(get(YEAR + "/dataset.xlsx", teacher + "@THCS-MK2"), 403);
        assertProblem(get(YEAR + "/dataset.xlsx", null), 401);
        assertProblem(get("/api/v1/schools/THCS-MK2/years/2019-2020/dataset.xlsx", "admin:admin"), 404);
        // a teacher may not import either
        Answer xlsx = get(YEAR + "/dataset.xlsx", "admin:admin");
        assertProblem(post(xlsx.body(), XLSX, teacher + "@THCS-MK2"), 403);
    }

    private String teacherOnly() throws Exception {
        for (JsonNode staff : get(YEAR + "/dataset.json", "admin:admin").json().get("staff")) {
            var roles = staff.get("roles");
            if (roles.size() == 1 && roles.get(0).asString().equals("TEACHER")) {
                return staff.get("id").asString();
            }
        }
        throw new AssertionError("the demo has no staff member who only teaches");
    }

    @Test
    @Order(4)
    void aWorkbookWithTwentyMistakesIsRefusedWholeWithEachAtItsSheetRowAndColumn() throws Exception {
        byte[] before = get(YEAR + "/dataset.json", "admin:admin").body();
        List<String> expected = new ArrayList<>();
        byte[] edited;
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(get(YEAR + "/dataset.xlsx", "admin:admin").body()));
             var out = new ByteArrayOutputStream()) {
            expected.addAll(TwentyMistakes.make(wb));
            wb.write(out);
            edited = out.toByteArray();
        }
        Answer refused = upload(edited, "with-mistakes.xlsx", "admin:admin");
        assertProblem(refused, 422);
        assertThat(refused.json().get("type").asString()).isEqualTo("https://hocba.vn/problems/invalid-dataset");
        List<String> paths = new ArrayList<>();
        refused.json().get("errors").forEach(e -> paths.add(e.get("path").asString()));
        assertThat(paths).hasSize(20).containsExactlyInAnyOrderElementsOf(expected);
        JsonNode f18 = null;
        for (JsonNode e : refused.json().get("errors")) {
            if (e.get("jsonPath").asString().equals("assessments[16].final")) {
                f18 = e;
            }
        }
        assertThat(f18).isNotNull();
        assertThat(f18.get("path").asString()).isEqualTo("assessments!F18 (assessments[16].final)");
        assertThat(f18.get("sheet").asString()).isEqualTo("assessments");
        assertThat(f18.get("row").asInt()).isEqualTo(18);
        assertThat(f18.get("column").asString()).isEqualTo("F");
        assertThat(f18.get("messageVi").asString()).isNotBlank();
        // nothing of it was stored
        assertThat(get(YEAR + "/dataset.json", "admin:admin").body()).isEqualTo(before);
    }

    @Test
    @Order(5)
    void filesThatAreNoWorkbookAreRefusedWithAProblemNeverA500() throws Exception {
        assertProblem(post("not a workbook".getBytes(StandardCharsets.UTF_8), XLSX, "admin:admin"), 422);
        byte[] encrypted = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        Answer locked = upload(encrypted, "locked.bin", "admin:admin");
        assertProblem(locked, 422);
        assertThat(locked.json().get("errors").get(0).get("message").asString()).contains("password-protected");
        assertThat(post(encrypted, XLSX, "admin:admin").json().get("errors").get(0).get("message").asString())
                .contains("password-protected");
        byte[] whole = get(YEAR + "/dataset.xlsx", "admin:admin").body();
        assertProblem(post(java.util.Arrays.copyOf(whole, whole.length / 3), XLSX, "admin:admin"), 422);
        assertProblem(post(new byte[0], XLSX, "admin:admin"), 422);
        assertProblem(post(zipBomb(whole), XLSX, "admin:admin"), 413);
        assertProblem(send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/imports"))
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofString("--x\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nhi\r\n--x--\r\n")),
                "admin:admin"), 400);
    }

    /** The workbook with one sheet replaced by 200 MB of white space, which packs a thousandfold. */
    private static byte[] zipBomb(byte[] workbook) throws IOException {
        var out = new ByteArrayOutputStream();
        Path source = Files.write(workDir.resolve("bomb-source.xlsx"), workbook);
        try (var zin = new java.util.zip.ZipFile(source.toFile());
             var zout = new java.util.zip.ZipOutputStream(out)) {
            for (var entries = zin.entries(); entries.hasMoreElements(); ) {
                var e = entries.nextElement();
                zout.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet7.xml")) {
                    zout.write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                            .getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 200; i++) {
                        zout.write(spaces);
                    }
                    zout.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    zin.getInputStream(e).transferTo(zout);
                }
                zout.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    @Order(6)
    void aWorkbookOf1500StudentsImportsWithinAHeapOf512Megabytes() throws Exception {
        assertThat(GEN_SCHOOL).as("the shared generator tools/gen_school.py").isRegularFile();
        Path json = workDir.resolve("school-1500.json");
        Process gen = new ProcessBuilder("python3", GEN_SCHOOL.toString(), "--students", "1500", "--seed", "14",
                "--year", "2025-2026").redirectOutput(json.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertThat(gen.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(gen.exitValue()).isZero();
        // converted by our own exporter (the test JVM reads the JSON; the service under test only sees the workbook)
        byte[] dataset = Files.readAllBytes(json);
        Path workbook = workDir.resolve("school-1500.xlsx");
        try (var out = Files.newOutputStream(workbook)) {
            DatasetWorkbooks.write(new DatasetReader(Clock.systemUTC()).read(dataset), out);
        }

        Answer imported = post(Files.readAllBytes(workbook), XLSX, "admin:admin");
        assertThat(imported.status()).as(imported.text() + "\n" + app.logTail(40)).isEqualTo(201);
        assertThat(imported.json().get("changed").asBoolean()).isTrue();
        assertThat(imported.json().get("schoolYear").asString()).isEqualTo("2025-2026");
        assertThat(imported.json().get("counts").get("students").asInt()).isEqualTo(1500);
        assertThat(imported.json().get("counts").get("assessments").asInt()).isGreaterThan(30_000);
        // the JSON it was made from is the same dataset: nothing changes
        Answer same = post(dataset, "application/json", "admin:admin");
        assertThat(same.status()).isEqualTo(201);
        assertThat(same.json().get("changed").asBoolean()).isFalse();
        assertThat(same.json().get("sha256").asString()).isEqualTo(imported.json().get("sha256").asString());
        // and the export of the stored year, as big as the upload, re-imports unchanged within the same heap
        Answer export = get("/api/v1/schools/THCS-MK2/years/2025-2026/dataset.xlsx", "admin:admin");
        assertThat(export.status()).isEqualTo(200);
        Answer again = upload(export.body(), "export.xlsx", "admin:admin");
        assertThat(again.status()).as(again.text()).isEqualTo(201);
        assertThat(again.json().get("changed").asBoolean()).isFalse();
        assertThat(app.logTail(2000)).doesNotContain("OutOfMemoryError");
    }
}
