package vn.hocba.archive.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web pages of the packaged application (target/hocba.jar, started as README's first command does) in a real
 * headless Chromium: Debian's chromium and chromium-driver (bin/test installs them), given by path so that Selenium
 * Manager never downloads anything.
 */
class WebPagesIT {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final String SCHOOL_NAME = "Trường THCS Mạo Khê II";
    private static final List<String> CLASSES = List.of("6A", "6B", "6C", "7A", "7B", "8A", "8B", "9A", "9B");
    private static final Duration PAGE = Duration.ofSeconds(60);

    @TempDir
    static Path workDir;

    private static Path moduleDir;
    private static PackagedApplication app;
    private static ChromeDriver browser;

    @BeforeAll
    static void startTheJarAndTheBrowser() throws Exception {
        moduleDir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        app = PackagedApplication.start(moduleDir.resolve("target/hocba.jar"), workDir);

        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--lang=vi",
                "--user-data-dir=" + Files.createTempDirectory(workDir, "chromium-profile"));
        // a Vietnamese school's browser: Accept-Language vi (the public verification pages follow it)
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "vi,vi-VN,en"));
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopThem() throws InterruptedException {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (app != null) {
                app.close();
            }
        }
    }

    @BeforeEach
    void loggedOut() {
        browser.get(app.baseUrl() + "/login");
        browser.manage().deleteAllCookies();
    }

    @Test
    void staffSignFromThePages() throws Exception {
        logIn("GV011@THCS-MK2", "demo");

        List<String> classLinks = browser.findElements(By.cssSelector("main table a")).stream().map(WebElement::getText).toList();
        assertThat(classLinks).as("the demo school's 9 classes").containsExactlyInAnyOrderElementsOf(CLASSES);
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(SCHOOL_NAME);

        browser.findElement(By.linkText("6A")).click();
        WebElement row = row("HS2400001");
        assertThat(row.findElement(By.cssSelector("td.status")).getText()).isEqualTo("Chưa tạo");
        screenshot("class-6A-before.png");

        submit(row.findElement(By.xpath(".//button[normalize-space()='Tạo học bạ']")));
        assertThat(message()).contains("HS2400001");
        row = row("HS2400001");
        assertThat(row.findElement(By.cssSelector("td.status")).getText()).isEqualTo("Đang ký");
        List<WebElement> sign = row.findElements(By.xpath(".//button[normalize-space()='Ký số']"));
        assertThat(sign).as("the Maths teacher of 6A may sign first").hasSize(1);

        submit(sign.get(0));
        assertThat(message()).startsWith("Đã ký học bạ của HS2400001");
        row = row("HS2400001");
        assertThat(signatures(row)).isEqualTo("1");
        assertThat(row.findElements(By.xpath(".//button[normalize-space()='Ký số']"))).as("signed once").isEmpty();
        screenshot("class-6A.png");

        String pdfUrl = row.findElement(By.linkText("Xem PDF")).getAttribute("href");
        Object inTheBrowser = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('content-type'))).catch(e => done(String(e)));",
                pdfUrl);
        assertThat(inTheBrowser).as("the link opens with the page's session").asString().startsWith("200 application/pdf");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pdfUrl))
                .header("Authorization", basic("GV011@THCS-MK2", "demo")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).as(pdfUrl).isEqualTo(200);
        assertThat(new String(Arrays.copyOf(pdf.body(), 5), StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    /** 8A: Maths GV035, homeroom GV034; no other test of this class touches it. */
    @Test
    void aClassGradebookIsCreatedAndSignedInItsSequenceFromTheClassPage() throws Exception {
        logIn("GV035@THCS-MK2", "demo");
        browser.findElement(By.linkText("8A")).click();
        WebElement form = wait(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("new-book")));
        new org.openqa.selenium.support.ui.Select(form.findElement(By.name("book"))).selectByVisibleText("Toán");
        new org.openqa.selenium.support.ui.Select(form.findElement(By.name("period"))).selectByValue("TERM1");
        submit(form.findElement(By.tagName("button")));
        assertThat(message()).isEqualTo("Đã tạo sổ (Học kì I).");
        WebElement book = book("TOAN-TERM1");
        assertThat(book.findElement(By.cssSelector("td.status")).getText()).isEqualTo("Đang ký");
        screenshot("class-8A-book.png");
        submit(book.findElement(By.xpath(".//button[normalize-space()='Ký số']")));
        assertThat(message()).isEqualTo("Đã ký sổ.");
        assertThat(book("TOAN-TERM1").findElements(By.xpath(".//button[normalize-space()='Ký số']"))).isEmpty();

        // the homeroom teacher, then the principal: each sees the button only on their turn
        for (String signer : List.of("GV034", "GV001")) {
            browser.manage().deleteAllCookies();
            logIn(signer + "@THCS-MK2", "demo");
            browser.get(app.baseUrl() + "/schools/THCS-MK2/years/2024-2025/classes/8A");
            submit(book("TOAN-TERM1").findElement(By.xpath(".//button[normalize-space()='Ký số']")));
        }
        assertThat(message()).isEqualTo("Đã ký; sổ đã đủ chữ ký và đang được lưu trữ.");
        assertThat(book("TOAN-TERM1").findElements(By.tagName("td")).get(4).getText()).isEqualTo("3");
        String pdfUrl = book("TOAN-TERM1").findElement(By.linkText("Xem PDF")).getAttribute("href");
        Object inTheBrowser = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('content-type'))).catch(e => done(String(e)));",
                pdfUrl);
        assertThat(inTheBrowser).asString().startsWith("200 application/pdf");
    }

    private WebElement book(String key) {
        return wait(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-book='" + key + "']")));
    }

    @Test
    void aTeacherOutOfTurnSeesNoSignButton() {
        logIn("GV001@THCS-MK2", "demo");
        browser.findElement(By.linkText("6A")).click();

        submit(row("HS2400010").findElement(By.xpath(".//button[normalize-space()='Tạo học bạ']")));
        assertThat(message()).contains("HS2400010");
        WebElement row = row("HS2400010");
        assertThat(row.findElement(By.cssSelector("td.status")).getText()).isEqualTo("Đang ký");
        assertThat(signatures(row)).isEqualTo("0");
        assertThat(row.findElements(By.xpath(".//button[normalize-space()='Ký số']")))
                .as("the principal countersigns after the subject and homeroom teachers").isEmpty();
        assertThat(row.findElements(By.linkText("Xem PDF"))).hasSize(1);
    }

    @Test
    void anArchivedRecordIsFoundOnTheSearchPageByANameWithoutDiacritics() {
        // HS2400046, Lý Thành Huy (6A): every signature collected over the API, then searched for in the browser
        var api = new Api(URI.create(app.baseUrl()).getPort());
        var record = api.signThroughTheSequence("/api/v1/schools/THCS-MK2/years/2024-2025/students/HS2400046", "THCS-MK2");
        assertThat(record.get("status").asString()).isEqualTo("ARCHIVED");

        logIn("GV001@THCS-MK2", "demo");
        WebElement class6A = browser.findElement(By.xpath("//tr[td/a[normalize-space()='6A']]"));
        List<WebElement> cells = class6A.findElements(By.tagName("td"));
        assertThat(Integer.parseInt(cells.get(3).getText())).as("students of 6A").isEqualTo(36);
        assertThat(Integer.parseInt(cells.get(5).getText())).as("archived records of 6A").isGreaterThanOrEqualTo(1);
        browser.findElement(By.linkText("Tra cứu")).click();
        WebElement query = wait(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.name("q")));
        query.sendKeys("ly thanh huy");
        submit(browser.findElement(By.cssSelector("form.search button")));
        List<String> names = browser.findElements(By.cssSelector("main table tbody tr td span.name")).stream()
                .map(WebElement::getText).toList();
        assertThat(names).first().isEqualTo("Lý Thành Huy");
    }

    // ---- entry pages (issue 14); the demo year arrives locked, so each test opens what it needs and locks it again ----

    private static final String YEAR_API = "/api/v1/schools/THCS-MK2/years/2024-2025";
    private static final String PRINCIPAL = "GV001@THCS-MK2";

    @Test
    void aTeacherEntersAMarkAndSeesTheAverageTheServerComputedThenALockedTermRefuses() throws IOException {
        var api = new Api(URI.create(app.baseUrl()).getPort());
        try {
            logIn("GV023@THCS-MK2", "demo"); // teaches Toán in 7A and 7B, nothing else
            browser.findElement(By.linkText("Nhập liệu")).click();
            List<String> taught = wait(PAGE).until(ExpectedConditions.presenceOfAllElementsLocatedBy(
                    By.cssSelector("table.taught tbody tr"))).stream().map(r -> r.getAttribute("data-class-subject")).toList();
            assertThat(taught).as("only the teacher's own class-subjects").containsExactly("7A/TOAN", "7B/TOAN");

            WebElement row7A = browser.findElement(By.cssSelector("tr[data-class-subject='7A/TOAN']"));
            row7A.findElement(By.linkText("Nhập điểm HK I")).click();
            // locked (the demo year): read-only, said clearly, nothing to save
            WebElement locked = wait(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.locked")));
            assertThat(locked.getText()).contains("đã khóa sổ");
            assertThat(row("HS2400002").findElement(By.cssSelector("input.final")).getAttribute("readonly")).isNotNull();
            assertThat(browser.findElements(By.id("save"))).isEmpty();

            assertThat(api.post(YEAR_API + "/classes/7A/terms/1/unlock", PRINCIPAL).status()).isEqualTo(200);
            browser.navigate().refresh();
            WebElement row = row("HS2400002");
            assertThat(browser.findElements(By.cssSelector("p.locked"))).isEmpty();
            List<WebElement> regular = row.findElements(By.cssSelector("input.regular"));
            type(regular.get(0), "8");
            type(regular.get(1), "7,5");
            type(regular.get(2), "6");
            type(regular.get(3), "9");
            type(row.findElement(By.cssSelector("input.midterm")), "7");
            type(row.findElement(By.cssSelector("input.final")), "8.5");
            // TT22: (8 + 7.5 + 6 + 9 + 2·7 + 3·8.5) / 9 = 7.77… -> 7.8; the year (7.8 + 2·7.0) / 3 -> 7.3
            wait(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("tr[data-student=HS2400002] td.term-result"), "7.8"));
            assertThat(row("HS2400002").findElement(By.cssSelector("td.year-result")).getText()).isEqualTo("7.3");

            browser.findElement(By.id("save")).click();
            wait(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("saved"), "Đã lưu bảng điểm."));
            var stored = api.get(YEAR_API + "/students/HS2400002/results", "admin").json();
            JsonNode toan = null;
            for (JsonNode subject : stored.get("subjects")) {
                if (subject.get("code").asString().equals("TOAN")) {
                    toan = subject;
                }
            }
            assertThat(toan.get("term1").decimalValue()).isEqualByComparingTo("7.8");

            // an incomplete term shows as incomplete, never guessed
            type(row("HS2400002").findElement(By.cssSelector("input.final")), "");
            wait(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("tr[data-student=HS2400002] td.term-result"), "Chưa đủ điểm"));
            screenshot("marks-7A-TOAN.png");

            // locked while the page is open: the save is refused with the reason, nothing stored
            assertThat(api.post(YEAR_API + "/classes/7A/terms/1/lock", PRINCIPAL).status()).isEqualTo(200);
            browser.findElement(By.id("save")).click();
            wait(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("refused"), "đã khóa"));
            assertThat(api.get(YEAR_API + "/students/HS2400002/results", "admin").json()).isEqualTo(stored);
        } finally {
            api.post(YEAR_API + "/classes/7A/terms/1/lock", PRINCIPAL);
        }
    }

    @Test
    void theHomeroomTeacherEntersConductAndALockedTermIsReadOnly() throws Exception {
        var api = new Api(URI.create(app.baseUrl()).getPort());
        try {
            assertThat(api.post(YEAR_API + "/classes/7A/terms/2/unlock", PRINCIPAL).status()).isEqualTo(200);
            logIn("GV025@THCS-MK2", "demo"); // homeroom teacher of 7A
            browser.findElement(By.linkText("Nhập liệu")).click();
            wait(PAGE).until(ExpectedConditions.elementToBeClickable(
                    By.linkText("Hạnh kiểm, chuyên cần và nhận xét lớp 7A"))).click();
            browser.findElement(By.linkText("Học kì II")).click();
            WebElement row = row("HS2400011");
            new org.openqa.selenium.support.ui.Select(row.findElement(By.name("conduct"))).selectByVisibleText("Khá");
            type(row.findElement(By.name("unexcused")), "2");
            submit(browser.findElement(By.xpath("//form[@id='conduct']//button")));
            assertThat(message()).isEqualTo("Đã lưu hạnh kiểm và chuyên cần học kì 2 của lớp 7A.");
            var results = api.get(YEAR_API + "/students/HS2400011/results", "admin").json();
            assertThat(results.get("conduct").get("term2").asString()).isEqualTo("KHA");

            WebElement comment = row("HS2400011").findElement(By.xpath("//form[@id='comments']//tr[@data-student='HS2400011']//textarea"));
            comment.clear();
            comment.sendKeys("Em tiến bộ rõ trong học kì II.");
            submit(browser.findElement(By.xpath("//form[@id='comments']//button")));
            assertThat(message()).startsWith("Đã lưu nhận xét");
            screenshot("homeroom-7A.png");

            assertThat(api.post(YEAR_API + "/classes/7A/terms/2/lock", PRINCIPAL).status()).isEqualTo(200);
            browser.navigate().refresh();
            assertThat(wait(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.locked"))).getText())
                    .contains("đã khóa sổ");
            assertThat(row("HS2400011").findElement(By.name("conduct")).isEnabled()).isFalse();
            assertThat(browser.findElements(By.xpath("//form[@id='conduct']//button"))).isEmpty();
            assertThat(browser.findElements(By.xpath("//form[@id='comments']//button"))).as("the comment goes with term 2").isEmpty();
        } finally {
            api.post(YEAR_API + "/classes/7A/terms/2/lock", PRINCIPAL);
        }
    }

    @Test
    void thePrincipalLocksAndUnlocksFromTheLockPage() {
        logIn(PRINCIPAL, "demo");
        browser.findElement(By.linkText("Nhập liệu")).click();
        wait(PAGE).until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.locks"))).click();
        assertThat(state("9B", 2)).isEqualTo("Đã khóa sổ");

        submit(cell("9B", 2).findElement(By.xpath(".//button[normalize-space()='Mở sổ']")));
        assertThat(message()).isEqualTo("Đã mở sổ học kì 2 lớp 9B.");
        assertThat(state("9B", 2)).isEqualTo("Đang mở");
        assertThat(state("9B", 1)).isEqualTo("Đã khóa sổ");

        submit(cell("9B", 2).findElement(By.xpath(".//button[normalize-space()='Khóa sổ']")));
        assertThat(message()).isEqualTo("Đã khóa sổ học kì 2 lớp 9B.");
        assertThat(state("9B", 2)).isEqualTo("Đã khóa sổ");

        submit(cell("9B", 1).findElement(By.xpath(".//button[normalize-space()='Mở sổ']")));
        submit(browser.findElement(By.id("lock-year")));
        assertThat(message()).startsWith("Đã khóa sổ mọi lớp");
        assertThat(state("9B", 1)).isEqualTo("Đã khóa sổ");
    }

    @Test
    void aTeacherIsRefusedTheLockPageAndAnotherTeachersGrid() {
        logIn("GV023@THCS-MK2", "demo");
        browser.get(app.baseUrl() + "/schools/THCS-MK2/years/2024-2025/locks");
        assertThat(browser.findElements(By.cssSelector("tr[data-class]"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("lock-year").contains("chỉ hiệu trưởng");
        browser.get(app.baseUrl() + "/schools/THCS-MK2/years/2024-2025/classes/7A/subjects/NGU_VAN/terms/1/marks");
        assertThat(browser.findElements(By.id("grid"))).isEmpty();
        assertThat(browser.getPageSource()).contains("chỉ giáo viên dạy môn NGU_VAN");
    }

    private WebElement cell(String classCode, int term) {
        return wait(PAGE).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("tr[data-class='" + classCode + "'] td[data-term='" + term + "']")));
    }

    private String state(String classCode, int term) {
        return cell(classCode, term).findElement(By.cssSelector("span.state")).getText();
    }

    /** Replaces an input's text as a person would (select all, type). */
    private static void type(WebElement input, String text) {
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
        if (!text.isEmpty()) {
            input.sendKeys(text);
        }
    }

    /**
     * Issue 18: "Việc của tôi" lists what awaits the teacher; all of it is signed in one batch after a confirmation page
     * that lists it, and the batch's page shows the progress to the end. GV052 teaches Công nghệ in 9A and 9B; no other
     * test renders records of 9A.
     */
    @Test
    void aSubjectTeacherSignsAllOfAClassesRecordsFromTheWorklist() throws Exception {
        var api = new Api(URI.create(app.baseUrl()).getPort());
        List<String> students = studentsOf("9A");
        for (String student : students) {
            var rendered = api.post(YEAR_API + "/students/" + student + "/record", "admin");
            assertThat(rendered.status()).as(rendered.text()).isIn(200, 201);
        }
        logIn("GV052@THCS-MK2", "demo");
        browser.findElement(By.linkText("Việc của tôi")).click();
        int waiting = Integer.parseInt(wait(PAGE).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("document-count"))).getText());
        assertThat(waiting).as("every record of 9A awaits its Công nghệ teacher").isEqualTo(students.size());
        assertThat(browser.findElements(By.cssSelector("form.worklist tbody tr td.progress")))
                .allSatisfy(cell -> assertThat(cell.getText()).matches("0/\\d+"));
        screenshot("work-GV052.png");

        submit(browser.findElement(By.xpath("//form[contains(@class,'worklist')]//button[@type='submit']")));
        assertThat(browser.findElement(By.id("confirm-count")).getText()).as("what will be signed, listed first")
                .isEqualTo(Integer.toString(waiting));
        assertThat(browser.findElements(By.cssSelector("main table tbody tr"))).hasSize(waiting);
        screenshot("work-confirm-GV052.png");

        submit(browser.findElement(By.id("confirm-sign")));
        wait(Duration.ofMinutes(3)).until(ExpectedConditions.textToBe(By.id("status"), "Đã xong"));
        assertThat(browser.findElement(By.id("signed")).getText()).isEqualTo(Integer.toString(waiting));
        assertThat(browser.findElement(By.id("failed")).getText()).isEqualTo("0");
        screenshot("work-batch-GV052.png");

        browser.findElement(By.linkText("Việc của tôi")).click();
        assertThat(wait(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("document-count"))).getText())
                .isEqualTo("0");
        var record = api.get(YEAR_API + "/students/" + students.get(0) + "/record", "admin").json();
        assertThat(record.get("signatures").toString()).contains("GV052");
    }

    /** Issue 18: the system administrator creates an inspector on the accounts page; a teacher is refused it. */
    @Test
    void theAdministratorCreatesAnInspectorOnTheAccountsPage() throws Exception {
        String name = "thanhtra.trang." + System.nanoTime() % 1_000_000;
        logIn("admin", "admin");
        browser.findElement(By.linkText("Tài khoản")).click();
        WebElement form = wait(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("new-account")));
        form.findElement(By.name("username")).sendKeys(name);
        form.findElement(By.name("password")).sendKeys("mat-khau-tam-9");
        form.findElement(By.name("province")).sendKeys("Quảng Ninh");
        submit(form.findElement(By.tagName("button")));
        assertThat(message()).startsWith("Đã tạo tài khoản " + name);
        WebElement row = browser.findElement(By.cssSelector("tr[data-username='" + name + "']"));
        assertThat(row.getText()).contains("Quảng Ninh", "cả tỉnh", "admin");
        screenshot("admin-accounts.png");

        // the new inspector signs in and searches; a teacher may not see the page
        browser.manage().deleteAllCookies();
        logIn(name, "mat-khau-tam-9");
        browser.manage().deleteAllCookies();
        logIn("GV023@THCS-MK2", "demo");
        assertThat(browser.findElements(By.linkText("Tài khoản"))).isEmpty();
        browser.get(app.baseUrl() + "/admin/accounts");
        assertThat(browser.findElement(By.cssSelector("main.error-page h1")).getText()).isEqualTo("Không được phép");
        assertThat(browser.getPageSource()).doesNotContain(name);
    }

    /** Issue 18: the pages are Vietnamese by default, English on request (kept while browsing), Vietnamese again. */
    @Test
    void thePagesAreInVietnameseByDefaultAndInEnglishOnRequest() throws Exception {
        logIn("GV052@THCS-MK2", "demo");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        submit(browser.findElement(By.linkText("English")));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        submit(browser.findElement(By.linkText("My work")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("My work");
        assertThat(browser.findElement(By.cssSelector("header form button")).getText()).isEqualTo("Sign out");
        screenshot("work-GV052-en.png");
        submit(browser.findElement(By.linkText("Tiếng Việt")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Việc của tôi");
        // switching keeps the page's query (a search stays a search)
        browser.get(app.baseUrl() + "/search?q=ly+thanh");
        submit(browser.findElement(By.linkText("English")));
        assertThat(browser.getCurrentUrl()).contains("q=ly+thanh").contains("lang=en");
        assertThat(browser.findElement(By.name("q")).getAttribute("value")).isEqualTo("ly thanh");
        submit(browser.findElement(By.linkText("Tiếng Việt")));
    }

    /** Issue 18: a refusal in the browser is a page in Vietnamese with a way back, never raw JSON. */
    @Test
    void refusalsInTheBrowserArePagesWithAWayBack() throws Exception {
        logIn("GV023@THCS-MK2", "demo");
        for (String path : List.of("/schools/THCS-MK2/years/2024-2025/classes/ZZ",
                "/documents/" + java.util.UUID.randomUUID() + "/pdf", "/khong-co-trang-nay",
                "/schools/THCS-MK2/years/2024-2025/classes/6A")) {
            browser.get(app.baseUrl() + path);
            String source = browser.getPageSource();
            assertThat(source).as(path).doesNotContain("\"type\"").doesNotContain("detailVi").doesNotContain("Whitelabel");
            assertThat(browser.findElement(By.cssSelector("main.error-page h1")).getText()).as(path)
                    .isIn("Không tìm thấy", "Không được phép");
            assertThat(browser.findElements(By.linkText("Về trang chủ / Home"))).as(path).hasSize(1);
        }
        screenshot("error-page.png");
    }

    /** Issue 18: after five wrong passwords the name is locked for a while; the login page says so. */
    @Test
    void repeatedWrongPasswordsLockTheNameWithAMessage() {
        String name = "khong.ai." + System.nanoTime() + "@THCS-MK2";
        for (int i = 0; i < 6; i++) {
            browser.get(app.baseUrl() + "/login");
            fillLogin(name, "sai-" + i);
        }
        WebElement error = wait(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.error")));
        assertThat(error.getText()).contains("tạm khoá");
    }

    /** Issue 18: every page carries a Content-Security-Policy without inline scripts, and framing is refused. */
    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(app.baseUrl() + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        String csp = login.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(login.body()).doesNotContain("<script>").doesNotContain("onclick=");
        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(app.baseUrl() + YEAR_API + "/classes")).header("Authorization", basic("admin", "admin")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");

        // what Tomcat refuses before the application sees it gets the house's answer too, not Tomcat's report (a
        // request line over Tomcat's 8 KB is not read at all: its path is unknown, so even an /api/ one gets the page)
        String longQuery = "a".repeat(10_000);
        for (String path : List.of("/search?q=" + longQuery, "/schools/a%00b", "/api/v1/documents/a%00b")) {
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(app.baseUrl() + path)).header("Authorization", basic("admin", "admin")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(path).isEqualTo(400);
            assertThat(refused.body()).as(path).doesNotContain("Apache Tomcat").doesNotContain("HTTP Status");
            assertThat(refused.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            if (path.startsWith("/api/")) {
                assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                assertThat(Api.JSON.readTree(refused.body()).get("detailVi").asString()).contains("không hợp lệ");
            } else {
                assertThat(refused.body()).contains("Yêu cầu không hợp lệ", "Về trang chủ / Home");
                assertThat(refused.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
            }
        }
    }

    /**
     * Issue 18: a district inspector finds an archived record of their district by the name typed without diacritics,
     * narrows by a facet, and opens the record's validation report. The first student of 8B; no other test archives
     * 8B's records.
     */
    @Test
    void anInspectorFindsARecordByANameWithoutDiacriticsAndOpensItsValidationReport() throws Exception {
        var api = new Api(URI.create(app.baseUrl()).getPort());
        String student = studentsOf("8B").get(0);
        var record = api.signThroughTheSequence(YEAR_API + "/students/" + student, "THCS-MK2");
        String code = record.get("lookupCode").asString();
        String name = fullName(student);

        logIn("inspector.district", "demo");
        browser.findElement(By.linkText("Tra cứu")).click();
        WebElement query = wait(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.name("q")));
        query.sendKeys(withoutDiacritics(name));
        submit(browser.findElement(By.cssSelector("form.search button")));
        WebElement hit = wait(PAGE).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("tr[data-lookup-code='" + code + "']")));
        assertThat(hit.findElement(By.cssSelector("span.name")).getText()).isEqualTo(name);
        assertThat(hit.findElements(By.cssSelector(".highlight em"))).as("the words found, highlighted").isNotEmpty();

        // narrowed to the class by its facet: the hit stays, the filter shows as chosen
        submit(browser.findElement(By.xpath("//section[@data-facet='class']//a[span[normalize-space()='8B']]")));
        assertThat(browser.findElements(By.cssSelector("tr[data-lookup-code='" + code + "']"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("section[data-facet='class'] li.selected")).getText()).contains("8B");
        screenshot("search-inspector.png");

        submit(browser.findElement(By.cssSelector("tr[data-lookup-code='" + code + "'] a.verify")));
        assertThat(browser.findElement(By.cssSelector("td.status")).getText()).startsWith("Đã ký đủ và lưu trữ");
        assertThat(browser.findElements(By.cssSelector("ol.signatures > li"))).as("every signature of the record")
                .hasSize(record.get("signatures").size());
        assertThat(browser.findElement(By.cssSelector("p.summary")).getText()).containsIgnoringCase("hợp lệ");
        screenshot("verify-inspector.png");
    }

    /** Issue 18: anyone, signed in or not, verifies an archived document by its lookup code on the public page. */
    @Test
    void aVisitorVerifiesALookupCode() throws Exception {
        var api = new Api(URI.create(app.baseUrl()).getPort());
        var record = api.signThroughTheSequence(YEAR_API + "/students/" + studentsOf("8B").get(1), "THCS-MK2");
        browser.get(app.baseUrl() + "/verify");
        assertThat(browser.findElements(By.cssSelector("header .who"))).as("nobody signed in").isEmpty();
        browser.findElement(By.name("code")).sendKeys(record.get("lookupCode").asString());
        submit(browser.findElement(By.cssSelector("form.verify-lookup button")));
        assertThat(browser.findElement(By.cssSelector("td.status")).getText()).startsWith("Đã ký đủ và lưu trữ");
        assertThat(browser.findElements(By.cssSelector("ol.signatures > li"))).hasSize(record.get("signatures").size());
        assertThat(browser.findElement(By.cssSelector("p.summary")).getText()).containsIgnoringCase("hợp lệ");
        screenshot("verify-visitor.png");
    }

    /**
     * Issue 18: the homeroom teacher confirms a correction and signs a record from "Việc của tôi". Class 6C: GV011
     * teaches TOAN and asks for the correction; GV014 is the homeroom teacher and teaches LS_DL, so a record of 6C
     * awaits them once the other subject teachers have signed.
     */
    @Test
    void theHomeroomTeacherConfirmsACorrectionAndSignsFromTheWorklist() throws Exception {
        var api = new Api(URI.create(app.baseUrl()).getPort());
        List<String> students = studentsOf("6C");
        String body = "{\"student\": \"" + students.get(0) + "\", \"subject\": \"TOAN\", \"term\": 1, \"field\": \"final\","
                + " \"newValue\": 9.1, \"reason\": \"Nhập nhầm điểm cuối kỳ\", \"evidence\": null}";
        var requested = api.postJson(YEAR_API + "/corrections", body.getBytes(StandardCharsets.UTF_8), "GV011@THCS-MK2");
        assertThat(requested.status()).as(requested.text()).isEqualTo(201);
        String correction = requested.json().get("id").asString();
        String path = YEAR_API + "/students/" + students.get(1);
        String code = signUntilAwaited(api, path, "GV014");

        logIn("GV014@THCS-MK2", "demo");
        browser.findElement(By.linkText("Việc của tôi")).click();
        assertThat(Integer.parseInt(wait(PAGE).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("correction-count"))).getText())).isGreaterThanOrEqualTo(1);
        screenshot("work-GV014.png");
        submit(browser.findElement(By.cssSelector("form[action$='/" + correction + "/confirm'] button")));
        assertThat(message()).startsWith("Đã xác nhận");
        assertThat(api.get(YEAR_API + "/corrections/" + correction, "GV014@THCS-MK2").json().get("status").asString())
                .isEqualTo("CONFIRMED");
        assertThat(browser.findElements(By.cssSelector("form[action$='/" + correction + "/confirm']"))).isEmpty();

        // only this record: other tests' records may await GV014 too
        for (WebElement box : browser.findElements(By.cssSelector("form.worklist input[name=document]"))) {
            if (!box.getAttribute("value").equals(code) && box.isSelected()) {
                box.click();
            }
        }
        submit(browser.findElement(By.xpath("//form[contains(@class,'worklist')]//button[@type='submit']")));
        assertThat(browser.findElement(By.id("confirm-count")).getText()).isEqualTo("1");
        submit(browser.findElement(By.id("confirm-sign")));
        wait(Duration.ofMinutes(2)).until(ExpectedConditions.textToBe(By.id("status"), "Đã xong"));
        assertThat(browser.findElement(By.id("signed")).getText()).isEqualTo("1");
        assertThat(api.get(path + "/record", "admin").json().get("signatures").toString()).contains("GV014");
    }

    /**
     * Issue 18: the principal countersigns a class's records in one batch from the class page and watches the
     * progress reach the end. Two records of 7B are brought to the principal's turn over the API first.
     */
    @Test
    void thePrincipalBatchCountersignsAClassAndWatchesTheProgressReachTheEnd() throws Exception {
        var api = new Api(URI.create(app.baseUrl()).getPort());
        List<String> students = studentsOf("7B");
        for (String student : students.subList(0, 2)) {
            signUntilAwaited(api, YEAR_API + "/students/" + student, "GV001");
        }
        logIn(PRINCIPAL, "demo");
        browser.get(app.baseUrl() + "/schools/THCS-MK2/years/2024-2025/classes/7B");
        assertThat(row(students.get(0)).findElement(By.cssSelector("td.sequence")).getText()).startsWith("13/14");
        submit(browser.findElement(By.cssSelector("#sign-all button")));
        wait(Duration.ofMinutes(2)).until(ExpectedConditions.textToBe(By.id("status"), "Đã xong"));
        assertThat(Integer.parseInt(browser.findElement(By.id("signed")).getText())).isGreaterThanOrEqualTo(2);
        assertThat(browser.findElement(By.id("failed")).getText()).isEqualTo("0");
        assertThat(browser.findElement(By.id("pending")).getText()).isEqualTo("0");
        screenshot("batch-principal-7B.png");
        for (String student : students.subList(0, 2)) {
            var record = api.get(YEAR_API + "/students/" + student + "/record", "admin").json();
            assertThat(record.get("awaiting")).as(student).isEmpty();
        }
    }

    /** Issue 18: the homeroom teacher renders the whole class's records at once. 6B: homeroom GV011; no other test renders 6B. */
    @Test
    void theHomeroomTeacherRendersTheWholeClassAtOnce() throws Exception {
        int students = studentsOf("6B").size();
        logIn("GV011@THCS-MK2", "demo");
        browser.get(app.baseUrl() + "/schools/THCS-MK2/years/2024-2025/classes/6B");
        WebElement renderAll = wait(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#render-all button")));
        assertThat(renderAll.getText()).contains("(" + students + ")");
        submit(renderAll);
        assertThat(message()).isEqualTo("Đã tạo " + students + " học bạ của lớp 6B.");
        assertThat(browser.findElements(By.xpath("//button[normalize-space()='Tạo học bạ']"))).isEmpty();
        assertThat(browser.findElements(By.id("render-all"))).as("nothing left to render").isEmpty();
        assertThat(browser.findElements(By.cssSelector("td.status"))).hasSize(students)
                .allSatisfy(cell -> assertThat(cell.getText()).isEqualTo("Đang ký"));
        screenshot("class-6B-rendered.png");
    }

    /**
     * Renders the record at {@code path} if needed and signs it over the API as everyone awaited, until
     * {@code staffId} is; returns its lookup code.
     */
    private static String signUntilAwaited(Api api, String path, String staffId) {
        var record = api.post(path + "/record", "admin").json();
        for (int round = 0; round < 20; round++) {
            List<String> awaiting = new java.util.ArrayList<>();
            record.get("awaiting").forEach(a -> awaiting.add(a.asString()));
            if (awaiting.contains(staffId) && awaiting.size() == 1 || awaiting.isEmpty()) {
                return record.get("lookupCode").asString();
            }
            for (String signer : awaiting) {
                if (!signer.equals(staffId)) {
                    var signed = api.post(path + "/record/signatures", signer + "@THCS-MK2");
                    assertThat(signed.status()).as(signed.text()).isEqualTo(201);
                }
            }
            record = api.get(path + "/record", "admin").json();
            if (record.get("awaiting").toString().equals("[\"" + staffId + "\"]")) {
                return record.get("lookupCode").asString();
            }
        }
        throw new AssertionError("never " + staffId + "'s turn: " + record);
    }

    private static String fullName(String student) throws IOException {
        try (var in = WebPagesIT.class.getResourceAsStream("/demo/demo-school-2024-2025.json")) {
            for (JsonNode s : Api.JSON.readTree(in).get("students")) {
                if (s.get("id").asString().equals(student)) {
                    return s.get("fullName").asString();
                }
            }
        }
        throw new IllegalArgumentException(student);
    }

    /** As a person types a name on a keyboard without Vietnamese input: no tone marks, đ as d. */
    private static String withoutDiacritics(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('đ', 'd').replace('Đ', 'D').toLowerCase(java.util.Locale.ROOT);
    }

    /** The ids of a class's students in the demo dataset, in its order. */
    private static List<String> studentsOf(String classCode) throws IOException {
        try (var in = WebPagesIT.class.getResourceAsStream("/demo/demo-school-2024-2025.json")) {
            var ids = new java.util.ArrayList<String>();
            for (JsonNode student : Api.JSON.readTree(in).get("students")) {
                if (student.get("class").asString().equals(classCode)) {
                    ids.add(student.get("id").asString());
                }
            }
            return ids;
        }
    }

    @Test
    void wrongPasswordIsRefusedWithAMessage() {
        browser.get(app.baseUrl() + "/login");
        fillLogin("GV011@THCS-MK2", "not-the-password");

        WebElement error = wait(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.error")));
        assertThat(error.getText()).contains("Sai tên đăng nhập hoặc mật khẩu");
        assertThat(browser.findElements(By.name("password"))).as("still the login form").hasSize(1);
        assertThat(browser.findElements(By.cssSelector("span.who"))).as("nobody logged in").isEmpty();
    }

    private void logIn(String user, String password) {
        browser.get(app.baseUrl() + "/login");
        fillLogin(user, password);
        wait(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("header .who")));
        assertThat(browser.findElement(By.cssSelector("header .who")).getText()).as(app.logTail(40)).contains(user);
    }

    private void fillLogin(String user, String password) {
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(password);
        submit(browser.findElement(By.cssSelector("form button[type=submit]")));
    }

    /** Clicks a form's button and waits until the next page replaced this one. */
    /**
     * Clicks and waits until the page the click loads has replaced the button. While the old document is torn down,
     * Chromium may answer "Node with given id does not belong to the document" instead of "stale element": both mean
     * the button is gone.
     */
    private void submit(WebElement button) {
        button.click();
        wait(PAGE).until(d -> {
            try {
                button.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
        assertAPageForPeople();
    }

    /**
     * Issue 18: what the browser shows is a page for people: never raw JSON (a problem+json shown as text), never
     * Spring's Whitelabel page, never a server error.
     */
    private void assertAPageForPeople() {
        String source = browser.getPageSource();
        assertThat(source).as(browser.getCurrentUrl()).doesNotContain("\"type\":\"https://hocba.vn/problems")
                .doesNotContain("Whitelabel Error Page").doesNotContain("<h1>Đã xảy ra lỗi</h1>");
    }

    private WebElement row(String student) {
        return wait(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-student=" + student + "]")));
    }

    /** The flash message after an action; fails with the page's error message, if any. */
    private String message() {
        List<WebElement> errors = browser.findElements(By.cssSelector("p.error"));
        assertThat(errors).as(() -> "error shown: " + errors.get(0).getText() + "\n" + app.logTail(40)).isEmpty();
        return browser.findElement(By.cssSelector("p.ok")).getText();
    }

    private static String signatures(WebElement row) {
        return row.findElements(By.tagName("td")).get(3).getText();
    }

    private void screenshot(String name) throws IOException {
        assertAPageForPeople();
        Path target = moduleDir.resolve("target/screenshots");
        Files.createDirectories(target);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(browser, timeout);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
