package vn.hocba.archive.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.text.Normalizer;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DatasetReaderTest {

    /** "Today" for every test: late in 2026, when the demo's 2024-2025 is two years old. */
    static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-29T08:00:00Z"), ZoneOffset.UTC);

    private final DatasetReader reader = new DatasetReader(TODAY);

    private static byte[] demo() throws IOException {
        try (InputStream in = DatasetReaderTest.class.getResourceAsStream("/demo/demo-school-2024-2025.json")) {
            return in.readAllBytes();
        }
    }

    private List<String> problemPaths(String json) {
        return problems(json).stream().map(DatasetProblem::path).toList();
    }

    private List<DatasetProblem> problems(String json) {
        return refusal(json.getBytes(StandardCharsets.UTF_8)).problems();
    }

    private DatasetRejectedException refusal(byte[] body) {
        try {
            reader.read(body);
        } catch (DatasetRejectedException e) {
            return e;
        }
        throw new AssertionError("the dataset was accepted");
    }

    private static String demoText() throws IOException {
        return new String(demo(), StandardCharsets.UTF_8);
    }

    /** The demo with one JSON string value replaced (first occurrence), the value escaped for JSON. */
    private static String demoWith(String member, String oldValue, String newValue) throws IOException {
        String old = "\"" + member + "\": \"" + oldValue + "\"";
        String json = demoText();
        assertThat(json).contains(old);
        return json.replaceFirst(java.util.regex.Pattern.quote(old),
                java.util.regex.Matcher.quoteReplacement("\"" + member + "\": " + jsonString(newValue)));
    }

    private static String jsonString(String value) {
        StringBuilder out = new StringBuilder("\"");
        value.chars().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c < 0x20 || Character.isSurrogate((char) c)) { // escaped, so that a lone surrogate survives
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.append('"').toString();
    }

    @Test
    void theDemoSchoolIsAccepted() throws IOException {
        var data = reader.read(demo());
        assertThat(data.school().code()).isEqualTo("THCS-MK2");
        assertThat(data.counts()).containsEntry("students", 320).containsEntry("assessments", 7680);
    }

    @Test
    void anotherFormatIsRefusedWithAClearError() {
        assertThat(problemPaths("{\"format\":\"hocba.school-year/v2\"}")).containsExactly("format");
    }

    @Test
    void invalidJsonIsRefusedNotCrashed() {
        assertThat(problemPaths("{\"format\": ")).containsExactly("$");
    }

    @Test
    void scoresAreExactAndNeverPassThroughBinaryFloatingPoint() throws IOException {
        String json = new String(demo(), StandardCharsets.UTF_8);
        var data = reader.read(json.getBytes(StandardCharsets.UTF_8));
        assertThat(data.assessments().get(0).regular()).containsExactly("7.0", "4.0", "5.0", "3.5");
        assertThat(data.assessments().get(0).finalMark()).isEqualTo("5.9");
    }

    @Test
    void aScoreWithTwoDecimalsOrOutOfRangeIsRefusedWithItsPath() throws IOException {
        String json = new String(demo(), StandardCharsets.UTF_8)
                .replaceFirst("\"midterm\": 6.5", "\"midterm\": 6.55")
                .replaceFirst("\"final\": 5.9", "\"final\": 10.1");
        assertThat(problemPaths(json)).containsExactlyInAnyOrder("assessments[0].midterm", "assessments[0].final");
    }

    @Test
    void everyProblemIsListedNotOnlyTheFirst() throws IOException {
        String json = new String(demo(), StandardCharsets.UTF_8)
                .replaceFirst("\"schoolYear\": \"2024-2025\"", "\"schoolYear\": \"2024-2026\"")
                .replaceFirst("\"sex\": \"NU\"", "\"sex\": \"F\"")
                .replaceFirst("\"level\": \"TOT\"", "\"level\": \"GIOI\"");
        assertThat(problemPaths(json)).contains("schoolYear", "students[0].sex", "conduct[0].level");
    }

    @Test
    void unknownReferencesAreRefused() throws IOException {
        String json = new String(demo(), StandardCharsets.UTF_8)
                .replaceFirst("\"homeroomTeacher\": \"GV012\"", "\"homeroomTeacher\": \"GV999\"");
        assertThat(problemPaths(json)).containsExactly("classes[0].homeroomTeacher");
    }

    @Test
    void aNullInsideRegularIsRefusedAsMarkEntryRefusesIt() throws IOException {
        // one rule (MarkRule.regular): dropping the null would renumber regular[k], which corrections address
        String json = new String(demo(), StandardCharsets.UTF_8).replaceFirst("\"regular\": \\[\\s*7\\.0,", "\"regular\": [7.0, null,");
        assertThat(problemPaths(json)).containsExactly("assessments[0].regular[1]");
        var entry = catchThrowableOfType(MarksRejectedException.class, () -> MarkSheet.read(
                "[{\"student\": \"HS1\", \"regular\": [7, null, 4]}]".getBytes(StandardCharsets.UTF_8), false, Set.of("HS1")));
        assertThat(entry.problems()).extracting(DatasetProblem::path).containsExactly("[0].regular[1]");
    }

    @Test
    void theHomeroomEntryRefusesWhatTheImportRefusesWithTheSameReasons() throws IOException {
        String json = new String(demo(), StandardCharsets.UTF_8)
                .replaceFirst("\"level\": \"TOT\"", "\"level\": \"GIOI\"")
                .replaceFirst("\"excusedDays\": \\d+", "\"excusedDays\": 367");
        var imported = catchThrowableOfType(DatasetRejectedException.class, () -> reader.read(json.getBytes(StandardCharsets.UTF_8)));
        var entered = catchThrowableOfType(MarksRejectedException.class, () -> HomeroomSheet.readTerm(
                "[{\"student\": \"HS1\", \"conduct\": \"GIOI\", \"excusedDays\": 367, \"unexcusedDays\": 0}]"
                        .getBytes(StandardCharsets.UTF_8), Set.of("HS1")));
        assertThat(entered.problems()).extracting(DatasetProblem::message)
                .containsExactlyElementsOf(imported.problems().stream().map(DatasetProblem::message).toList());
    }

    @Test
    void aCommentSubjectTakesOnlyDOrCD() throws IOException {
        String json = new String(demo(), StandardCharsets.UTF_8).replaceFirst("\"Đ\"", "\"A\"");
        assertThat(problemPaths(json)).hasSize(1).first().asString().startsWith("assessments[");
    }

    @Test
    void aDuplicateStudentIdIsRefused() {
        assertThatThrownBy(() -> reader.read(duplicateStudent())).isInstanceOf(DatasetRejectedException.class)
                .satisfies(e -> assertThat(((DatasetRejectedException) e).problems())
                        .anyMatch(p -> p.path().equals("students[1].id") && p.messageVi().contains("trùng")));
    }

    private static byte[] duplicateStudent() throws IOException {
        String json = new String(demo(), StandardCharsets.UTF_8);
        return json.replaceFirst("\"id\": \"HS2400002\"", "\"id\": \"HS2400001\"").getBytes(StandardCharsets.UTF_8);
    }

    // --- duplicate members -------------------------------------------------------------------------------------

    @Test
    void aMemberGivenTwiceInOneObjectIsRefusedNotSilentlyOverwritten() throws IOException {
        String json = demoText().replaceFirst("\"final\": 5.9", "\"final\": 0.5, \"final\": 7.7");
        assertThat(problemPaths(json)).containsExactly("assessments[0].final");
    }

    @Test
    void everyDuplicateAnywhereInTheDocumentIsListedWithItsPath() throws IOException {
        String json = demoText()
                .replaceFirst("\"format\": \"hocba.school-year/v1\",",
                        "\"format\": \"hocba.school-year/v1\", \"format\": \"hocba.school-year/v1\",")
                .replaceFirst("\"name\": \"Trường THCS Mạo Khê II\",",
                        "\"name\": \"Trường THCS Mạo Khê II\", \"name\": \"Trường khác\",")
                .replaceFirst("\"fullName\": \"Hoàng Phương Hương\",",
                        "\"fullName\": \"Hoàng Phương Hương\", \"fullName\": \"X\", \"fullName\": \"Y\",")
                .replaceFirst("\"final\": 5.9", "\"final\": 0.5, \"final\": 7.7");
        var problems = problems(json);
        assertThat(problems).extracting(DatasetProblem::path).containsExactly("format", "school.name",
                "students[1].fullName", "students[1].fullName", "assessments[0].final");
        assertThat(problems.get(0).message()).contains("duplicate member \"format\"");
        assertThat(problems.get(0).messageVi()).contains("trùng khóa");
    }

    // --- unreadable bodies ------------------------------------------------------------------------------------

    @Test
    void anEmptyBodyIsRefusedSayingSo() {
        for (String body : List.of("", "  \r\n\t ", "\uFEFF")) {
            var e = refusal(body.getBytes(StandardCharsets.UTF_8));
            assertThat(e.getMessage()).contains("empty body");
            assertThat(e.detailVi()).contains("trống");
            assertThat(e.problems()).extracting(DatasetProblem::path).containsExactly("$");
        }
    }

    @Test
    void aSyntaxErrorNamesItsLineAndColumn() {
        var e = refusal("{\n  \"format\": \"hocba.school-year/v1\",\n  \"schoolYear\": 2024-2025\n}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(e.getMessage()).contains("line 3, column");
        assertThat(e.detailVi()).contains("dòng 3, cột");
        assertThat(e.properties()).containsEntry("line", 3).containsKey("column");
        assertThat((Integer) e.properties().get("column")).isBetween(17, 23);
        assertThat(e.problems()).extracting(DatasetProblem::path).containsExactly("$");
    }

    @Test
    void aTruncatedDocumentNamesWhereItEnds() {
        var e = refusal("{\n\"format\": \"hocba.school-year/v1\",\n\"staff\": [".getBytes(StandardCharsets.UTF_8));
        assertThat(e.properties()).containsEntry("line", 3).containsKey("column");
    }

    @Test
    void contentAfterTheDocumentIsASyntaxError() {
        var e = refusal("{\"format\": \"hocba.school-year/v1\"}\n{}".getBytes(StandardCharsets.UTF_8));
        assertThat(e.properties()).containsEntry("line", 2).containsEntry("column", 1);
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithWhere() {
        // "Trường" saved as Windows-1258 by an old spreadsheet: ư is 0xFD, ờ is ơ (0xF5) + combining grave (0xCC)
        byte[] cp1258 = {'{', '\n', '"', 'n', 'a', 'm', 'e', '"', ':', ' ', '"', 'T', 'r', (byte) 0xFD, (byte) 0xF5,
                (byte) 0xCC, 'n', 'g', '"', '}'};
        var e = refusal(cp1258);
        assertThat(e.getMessage()).contains("not UTF-8", "line 2, column 12");
        assertThat(e.properties()).containsEntry("line", 2).containsEntry("column", 12);
        assertThat(e.problems()).extracting(DatasetProblem::path).containsExactly("$");
    }

    // --- lengths ----------------------------------------------------------------------------------------------

    @Test
    void valuesLongerThanTheirColumnAreRefusedAtValidationWithTheirPath() throws IOException {
        String json = demoWith("fullName", "Nguyễn Khánh Hạnh", "A".repeat(300));
        json = json.replaceFirst("\"ethnicity\": \"Kinh\"", "\"ethnicity\": \"" + "K".repeat(100) + "\"");
        json = json.replaceFirst("\"name\": \"Trường THCS Mạo Khê II\"", "\"name\": \"" + "T".repeat(256) + "\"");
        json = json.replaceFirst("\"homeroom\": \"Chăm ngoan, tích cực tham gia các hoạt động của lớp.\"",
                "\"homeroom\": \"" + "c ".repeat(2001) + "\"");
        json = json.replaceFirst("\"enrolmentNo\": \"1/2024\"", "\"enrolmentNo\": \"" + "9".repeat(65) + "\"");
        var problems = problems(json);
        assertThat(problems).extracting(DatasetProblem::path).containsExactlyInAnyOrder("students[0].fullName",
                "students[0].ethnicity", "school.name", "comments[0].homeroom", "students[0].enrolmentNo");
        assertThat(problems).filteredOn(p -> p.path().equals("students[0].fullName")).first()
                .satisfies(p -> assertThat(p.message()).contains("300", "255"));
    }

    @Test
    void aValueAsLongAsItsColumnIsAccepted() throws IOException {
        var data = reader.read(demoWith("fullName", "Nguyễn Khánh Hạnh", "Ạ".repeat(255)).getBytes(StandardCharsets.UTF_8));
        assertThat(data.students().get(0).fullName()).hasSize(FieldLimit.STUDENT_FULL_NAME.maxChars());
    }

    @Test
    void moreRegularMarksThanTheColumnHoldsAreRefused() throws IOException {
        String sixty = String.join(", ", java.util.Collections.nCopies(60, "10"));
        String json = demoText().replaceFirst("\"regular\": \\[[^\\]]*\\]", "\"regular\": [" + sixty + "]");
        assertThat(problemPaths(json)).containsExactly("assessments[0].regular");
        String forty = String.join(", ", java.util.Collections.nCopies(FieldLimit.MAX_REGULAR_MARKS, "10"));
        var data = reader.read(demoText().replaceFirst("\"regular\": \\[[^\\]]*\\]", "\"regular\": [" + forty + "]")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(String.join(",", data.assessments().get(0).regular()))
                .hasSizeLessThanOrEqualTo(FieldLimit.REGULAR_MARKS.maxChars());
    }

    @Test
    void aClassCodeLongerThanItsColumnIsRefused() throws IOException {
        // the code pattern allowed 32 characters, the column holds 16
        String json = demoText().replace("\"6A\"", "\"6A-" + "X".repeat(14) + "\"");
        assertThat(problemPaths(json)).contains("classes[0].code");
    }

    // --- dates ------------------------------------------------------------------------------------------------

    @Test
    void implausibleOrNonStrictDatesOfBirthAreRefusedWithTheirPath() throws IOException {
        for (String dob : List.of("+999999999-12-31", "-0001-01-01", "2025-09-02", "2024-06-01", "1900-01-01",
                "2013-02-30", "2013-9-28", "20130928", "2013-09-28T00:00")) {
            assertThat(problemPaths(demoWith("dateOfBirth", "2013-09-28", dob))).as(dob)
                    .containsExactly("students[0].dateOfBirth");
        }
    }

    @Test
    void datesOfBirthWithinTheRuleAreAccepted() throws IOException {
        // 3 years old on 1 September 2024, and 80 the day before it turns 81
        for (String dob : List.of("2021-09-01", "1943-09-02")) {
            var data = reader.read(demoWith("dateOfBirth", "2013-09-28", dob).getBytes(StandardCharsets.UTF_8));
            assertThat(data.students().get(0).dateOfBirth()).hasToString(dob);
        }
    }

    @Test
    void aSchoolYearTooFarAheadOrTooOldIsRefused() throws IOException {
        for (String year : List.of("9998-9999", "2028-2029", "1999-2000", "0001-0002")) {
            assertThat(problemPaths(demoWith("schoolYear", "2024-2025", year))).as(year).contains("schoolYear");
        }
    }

    @Test
    void nextSchoolYearMayBePreparedAheadOfTime() throws IOException {
        // today is 2026-11-29 (TODAY): 2027-2028 starts within a year
        var data = reader.read(demoWith("schoolYear", "2024-2025", "2027-2028").getBytes(StandardCharsets.UTF_8));
        assertThat(data.schoolYear()).isEqualTo("2027-2028");
    }

    // --- what the record can print ----------------------------------------------------------------------------

    @Test
    void anAccentThatBelongsToNoLetterIsRefused() throws IOException {
        var alone = problems(demoWith("fullName", "Nguyễn Khánh Hạnh", "\u0301\u0301"));
        assertThat(alone).extracting(DatasetProblem::path).containsExactly("students[0].fullName");
        assertThat(alone.get(0).message()).contains("U+0301");
        var afterSpace = problems(demoWith("fullName", "Nguyễn Khánh Hạnh", "Nguyễn \u0301Hạnh"));
        assertThat(afterSpace).extracting(DatasetProblem::path).containsExactly("students[0].fullName");
        // a decomposed name is fine: its marks follow their letters (and it is stored composed)
        var decomposed = java.text.Normalizer.normalize("Nguyễn Khánh Hạnh", java.text.Normalizer.Form.NFD);
        assertThat(reader.read(demoWith("fullName", "Nguyễn Khánh Hạnh", decomposed).getBytes(StandardCharsets.UTF_8))
                .students().get(0).fullName()).isEqualTo("Nguyễn Khánh Hạnh");
    }

    @Test
    void aCharacterTheRecordFontCannotDrawIsRefusedAndNamed() throws IOException {
        var problems = problems(demoWith("fullName", "Nguyễn Khánh Hạnh", "Nguyễn Khánh Hạnh 😀"));
        assertThat(problems).extracting(DatasetProblem::path).containsExactly("students[0].fullName");
        assertThat(problems.get(0).message()).contains("U+1F600");
        assertThat(problems.get(0).messageVi()).contains("U+1F600");

        var cjk = problems(demoWith("name", "Trường THCS Mạo Khê II", "Trường 中学"));
        assertThat(cjk).extracting(DatasetProblem::path).containsExactly("school.name");
        assertThat(cjk.get(0).message()).contains("U+4E2D");
    }

    @Test
    void invisibleAndControlCharactersAreRefusedNotPrintedOrDropped() throws IOException {
        for (String name : List.of("Nguyễn\u200BKhánh", "Nguyễn\u0007Khánh", "Nguyễn\u0000Khánh", "Nguy\uFFFDn",
                "Nguyễn \uD800")) {
            assertThat(problemPaths(demoWith("fullName", "Nguyễn Khánh Hạnh", name))).as(name)
                    .containsExactly("students[0].fullName");
        }
    }

    @Test
    void whiteSpaceInsideAOneLineFieldBecomesOneSpace() throws IOException {
        var data = reader.read(demoWith("fullName", "Nguyễn Khánh Hạnh", " Nguyễn\tKhánh\r\n  Hạnh\u00A0 ")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(data.students().get(0).fullName()).isEqualTo("Nguyễn Khánh Hạnh");
    }

    @Test
    void aCommentKeepsItsLineBreaksAndNothingElse() throws IOException {
        var data = reader.read(demoWith("homeroom", "Chăm ngoan, tích cực tham gia các hoạt động của lớp.",
                "Chăm ngoan.\r\n\tTiến bộ  rõ.\rCố gắng hơn.\n").getBytes(StandardCharsets.UTF_8));
        assertThat(data.comments().get(0).homeroom()).isEqualTo("Chăm ngoan.\nTiến bộ rõ.\nCố gắng hơn.");
    }

    @Test
    void aStaffNameMustPrintInTheSignatureFontCut() throws IOException {
        // Greek is in the record fonts (a student may be called so) but not in the signature cut
        assertThat(reader.read(demoWith("fullName", "Nguyễn Khánh Hạnh", "Nguyễn Αλφα").getBytes(StandardCharsets.UTF_8))
                .students().get(0).fullName()).isEqualTo("Nguyễn Αλφα");
        var problems = problems(demoWith("fullName", "Lê Thu Hương", "Lê Thu Αλφα"));
        assertThat(problems).extracting(DatasetProblem::path).containsExactly("staff[0].fullName");
        assertThat(problems.get(0).message()).contains("U+0391", "signature");
    }

    @Test
    void textTypedDecomposedIsStoredComposed() throws IOException {
        String nfd = Normalizer.normalize("Nguyễn Khánh Hạnh", Normalizer.Form.NFD);
        String json = demoText().replace("\"fullName\": \"Nguyễn Khánh Hạnh\"", "\"fullName\": \"" + nfd + "\"")
                .replace("\"Thị xã Đông Triều\"", "\"" + Normalizer.normalize("Thị xã Đông Triều", Normalizer.Form.NFD) + "\"");
        assertThat(json).doesNotContain("Nguyễn Khánh Hạnh");
        var data = reader.read(json.getBytes(StandardCharsets.UTF_8));
        assertThat(data.students().get(0).fullName()).isEqualTo("Nguyễn Khánh Hạnh")
                .isEqualTo(Normalizer.normalize(nfd, Normalizer.Form.NFC));
        assertThat(data.school().district()).isEqualTo("Thị xã Đông Triều");
    }

    @Test
    void theDemoSchoolIsAlreadyCleanSoNormalisingChangesNothing() throws IOException {
        var data = reader.read(demo());
        String json = demoText();
        assertThat(data.students()).allSatisfy(s -> assertThat(json).contains("\"" + s.fullName() + "\""));
        assertThat(data.comments()).allSatisfy(c -> assertThat(json).contains("\"" + c.homeroom() + "\""));
    }
}
