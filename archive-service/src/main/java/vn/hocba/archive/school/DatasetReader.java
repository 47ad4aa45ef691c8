package vn.hocba.archive.school;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.hocba.archive.common.StaffRole;
import vn.hocba.archive.school.SchoolYearDataset.Assessment;
import vn.hocba.archive.school.SchoolYearDataset.Attendance;
import vn.hocba.archive.school.SchoolYearDataset.Comment;
import vn.hocba.archive.school.SchoolYearDataset.Conduct;
import vn.hocba.archive.school.SchoolYearDataset.School;
import vn.hocba.archive.school.SchoolYearDataset.SchoolClass;
import vn.hocba.archive.school.SchoolYearDataset.Staff;
import vn.hocba.archive.school.SchoolYearDataset.Student;
import vn.hocba.archive.school.SchoolYearDataset.Subject;
import vn.hocba.archive.school.PrintableText.Field;

/**
 * Reads and validates a {@code hocba.school-year/v1} document. Walks the JSON tree itself (rather than binding it) so
 * that every problem is reported with its exact path, all at once; numbers are read as exact decimals.
 *
 * <p>Before the tree, {@link StrictJson} refuses an empty body, bytes that are not UTF-8, syntax errors (with line and
 * column) and members named twice. Every text is normalised and checked by {@link PrintableText} (NFC, white space,
 * characters the record can print) and by its {@link FieldLimit}; dates by {@link PlausibleDates}. Thread-safe.
 */
public final class DatasetReader {

    /** Past this many problems the list is cut (a wholly wrong file would otherwise answer megabytes). */
    static final int MAX_PROBLEMS = 10_000;

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern SCHOOL_YEAR = Pattern.compile("(\\d{4})-(\\d{4})");
    // closed vocabularies; FieldLimitTest proves their longest value fits its column
    static final Set<String> ROLES = Arrays.stream(StaffRole.values()).map(StaffRole::name)
            .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
    static final Set<String> LEVELS = Set.of("TOT", "KHA", "DAT", "CHUA_DAT");
    static final Set<String> SCHOOL_LEVELS = Set.of("THCS", "THPT");
    static final Set<String> SEXES = Set.of("NAM", "NU");
    static final Set<String> ASSESSMENT_KINDS = Set.of("SCORED", "COMMENT");

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final PlausibleDates dates;
    private static final PrintableText PRINTABLE = PrintableText.instance();

    /** @param clock "today", for the plausible school years and dates of birth */
    public DatasetReader(Clock clock) {
        this.dates = new PlausibleDates(clock);
    }

    /** Parses and validates; throws {@link DatasetRejectedException} listing every problem found. */
    public SchoolYearDataset read(byte[] json) {
        String text = StrictJson.decode(json);
        List<DatasetProblem> duplicates = StrictJson.duplicateMembers(mapper, text, MAX_PROBLEMS);
        JsonNode root = mapper.readTree(text); // well-formed: StrictJson has parsed it
        var ctx = new Ctx();
        ctx.problems.addAll(duplicates);
        SchoolYearDataset dataset = ctx.dataset(root);
        if (!ctx.problems.isEmpty()) {
            throw new DatasetRejectedException(ctx.problems);
        }
        return dataset;
    }

    /**
     * Validates a dataset already parsed into a JSON tree (e.g. read from the sheets of a workbook): the very same
     * checks as {@link #read(byte[])} after parsing, with the same paths.
     */
    SchoolYearDataset read(JsonNode root) {
        var ctx = new Ctx();
        SchoolYearDataset dataset = ctx.dataset(root);
        if (!ctx.problems.isEmpty()) {
            throw new DatasetRejectedException(ctx.problems);
        }
        return dataset;
    }

    /**
     * A text field's value: normalised per {@link PrintableText} (NFC, white space) before its length and characters
     * are checked, so what is checked is what is stored and printed. Shared with the entry sheets (HomeroomRule).
     *
     * @param value the field's value; null or JSON null when absent
     * @param at    the field's path, e.g. {@code comments[2].homeroom}
     * @return the normalised text; null when absent, or refused (the problem is reported)
     */
    static String text(JsonNode value, String at, FieldLimit limit, boolean required, Field kind,
                       MarkRule.Problems problems) {
        String s = raw(value, at, required, problems);
        if (s == null) {
            return null;
        }
        s = PRINTABLE.normalise(s, kind);
        if (s.isEmpty()) {
            if (required) {
                problems.add(at, "must not be blank", "không được để trống");
            }
            return required ? null : s;
        }
        if (s.length() > limit.maxChars()) {
            problems.add(at, "is " + s.length() + " characters long; at most " + limit.maxChars()
                    + " are accepted", "dài " + s.length() + " ký tự; tối đa " + limit.maxChars() + " ký tự");
            return null;
        }
        var unprintable = PRINTABLE.unprintable(s, kind);
        if (!unprintable.isEmpty()) {
            String list = unprintable.stream().limit(5).map(Object::toString)
                    .collect(java.util.stream.Collectors.joining(", "));
            String where = kind == Field.SIGNER_NAME ? "on the record and in signatures" : "on the record";
            String whereVi = kind == Field.SIGNER_NAME ? "trên học bạ và trong chữ ký" : "trên học bạ";
            problems.add(at, "holds characters that cannot be printed " + where + ": " + list,
                    "có ký tự không in được " + whereVi + ": " + list);
            return null;
        }
        int stray = Ctx.strayMark(s);
        if (stray >= 0) {
            String mark = String.format("U+%04X", stray);
            problems.add(at, "holds a combining mark (" + mark + ") that belongs to no letter",
                    "có dấu (" + mark + ") không gắn với chữ cái nào");
            return null;
        }
        return s;
    }

    /** A word of a closed vocabulary (sex, level, ...), checked by the caller; NFC, spaces stripped. */
    static String word(JsonNode value, String at, boolean required, MarkRule.Problems problems) {
        String s = raw(value, at, required, problems);
        if (s == null) {
            return null;
        }
        s = PRINTABLE.normalise(s, Field.ONE_LINE);
        if (required && s.isEmpty()) {
            problems.add(at, "must not be blank", "không được để trống");
            return null;
        }
        return s;
    }

    /** The string value as given, or null when absent (a problem when required) or not a string. */
    private static String raw(JsonNode value, String at, boolean required, MarkRule.Problems problems) {
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(at, "is required", "bắt buộc");
            }
            return null;
        }
        if (!value.isString()) {
            problems.add(at, "must be text", "phải là văn bản");
            return null;
        }
        return value.stringValue();
    }

    /** A whole number from {@code min} to {@code max}; -1 (and a problem) otherwise, absent included. */
    static int integer(JsonNode value, String at, int min, int max, MarkRule.Problems problems) {
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min
                || value.asInt() > max) {
            problems.add(at, "must be a whole number from " + min + " to " + max,
                    "phải là số nguyên từ " + min + " đến " + max);
            return -1;
        }
        return value.asInt();
    }

    /** State of one read: problems found so far and the ids seen, for reference checks. */
    private final class Ctx {
        final List<DatasetProblem> problems = new ArrayList<>();
        final Map<String, Staff> staff = new HashMap<>();
        final Map<String, Subject> subjects = new HashMap<>();
        final Map<String, SchoolClass> classes = new HashMap<>();
        final Map<String, Student> students = new HashMap<>();
        String level;
        LocalDate yearStarts; // null when the school year is invalid

        /** Registers an id; a second use of it is a problem (the first one stands, for reference checks). */
        <T> void unique(Map<String, T> seen, String id, T value, String path, String en, String vi) {
            if (id != null && seen.putIfAbsent(id, value) != null) {
                problem(path, en, vi);
            }
        }

        void problem(String path, String en, String vi) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new DatasetProblem(path, en, vi));
            }
        }

        SchoolYearDataset dataset(JsonNode root) {
            if (!root.isObject()) {
                problem("$", "the dataset must be a JSON object", "tập dữ liệu phải là một đối tượng JSON");
                return null;
            }
            JsonNode format = root.get("format");
            if (format == null || !format.isString() || !SchoolYearDataset.FORMAT.equals(format.stringValue())) {
                problem("format", "must be \"" + SchoolYearDataset.FORMAT + "\"",
                        "phải là \"" + SchoolYearDataset.FORMAT + "\"");
                return null; // another format: nothing else can be read meaningfully
            }
            String year = schoolYear(root.get("schoolYear"));
            School school = school(root.get("school"));
            List<Staff> staffList = array(root, "staff", this::staff);
            List<Subject> subjectList = array(root, "subjects", this::subject);
            List<SchoolClass> classList = array(root, "classes", this::schoolClass);
            List<Student> studentList = array(root, "students", this::student);
            List<Assessment> assessments = array(root, "assessments", new AssessmentReader()::read);
            List<Conduct> conduct = array(root, "conduct", new UniquePerTerm()::conduct);
            List<Attendance> attendance = array(root, "attendance", new UniquePerTerm()::attendance);
            List<Comment> comments = array(root, "comments", new CommentReader()::read);
            return new SchoolYearDataset(year, school, staffList, subjectList, classList, studentList, assessments,
                    conduct, attendance, comments);
        }

        String schoolYear(JsonNode node) {
            String value = node != null && node.isString() ? node.stringValue() : null;
            var m = value == null ? null : SCHOOL_YEAR.matcher(value);
            if (m == null || !m.matches() || Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1) {
                problem("schoolYear", "must be YYYY-YYYY with the second year following the first, e.g. 2024-2025",
                        "phải có dạng YYYY-YYYY, năm sau liền năm trước, ví dụ 2024-2025");
            } else if (!dates.plausibleSchoolYear(Integer.parseInt(m.group(1)))) {
                problem("schoolYear", "school year " + value + " is not plausible: it must start in "
                                + PlausibleDates.EARLIEST_FIRST_YEAR + " or later and at most one year from today",
                        "năm học " + value + " không hợp lý: phải bắt đầu từ năm " + PlausibleDates.EARLIEST_FIRST_YEAR
                                + " trở đi và không quá một năm tính từ hôm nay");
            } else {
                yearStarts = PlausibleDates.start(Integer.parseInt(m.group(1)));
            }
            return value;
        }

        School school(JsonNode node) {
            if (node == null || !node.isObject()) {
                problem("school", "is required (an object)", "bắt buộc (một đối tượng)");
                return null;
            }
            String code = id(node, "school", "code", FieldLimit.SCHOOL_CODE);
            level = word(node, "school", "level", true);
            if (level != null && !SCHOOL_LEVELS.contains(level)) {
                problem("school.level", "must be THCS or THPT (primary, TIEU_HOC, is not supported yet)",
                        "phải là THCS hoặc THPT (tiểu học, TIEU_HOC, chưa được hỗ trợ)");
                level = null;
            }
            return new School(code, text(node, "school", "name", FieldLimit.SCHOOL_NAME, true), level,
                    text(node, "school", "province", FieldLimit.SCHOOL_PROVINCE, false),
                    text(node, "school", "district", FieldLimit.SCHOOL_DISTRICT, false),
                    text(node, "school", "address", FieldLimit.SCHOOL_ADDRESS, false));
        }

        Staff staff(JsonNode node, String path) {
            String id = id(node, path, "id", FieldLimit.STAFF_ID);
            // a staff member's name is also drawn in visible signatures (the signature font cut)
            String name = text(node, path, "fullName", FieldLimit.STAFF_FULL_NAME, true, Field.SIGNER_NAME);
            Set<StaffRole> roles = new LinkedHashSet<>();
            JsonNode r = node.get("roles");
            if (r == null || !r.isArray() || r.isEmpty()) {
                problem(path + ".roles", "must list at least one role", "phải có ít nhất một vai trò");
            } else {
                for (int i = 0; i < r.size(); i++) {
                    JsonNode role = r.get(i);
                    if (!role.isString() || !ROLES.contains(role.stringValue())) {
                        problem(path + ".roles[" + i + "]", "must be one of " + ROLES, "phải là một trong " + ROLES);
                    } else {
                        roles.add(StaffRole.of(role.stringValue()));
                    }
                }
            }
            var staff = new Staff(id, name, roles, text(node, path, "email", FieldLimit.STAFF_EMAIL, false));
            unique(this.staff, id, staff, path + ".id", "duplicate staff id " + id, "trùng mã cán bộ " + id);
            return staff;
        }

        Subject subject(JsonNode node, String path) {
            String code = id(node, path, "code", FieldLimit.SUBJECT_CODE);
            String assessment = word(node, path, "assessment", true);
            if (assessment != null && !ASSESSMENT_KINDS.contains(assessment)) {
                problem(path + ".assessment", "must be SCORED or COMMENT", "phải là SCORED hoặc COMMENT");
            }
            Map<Integer, Integer> periods = new LinkedHashMap<>();
            JsonNode p = node.get("periodsPerYear");
            if (p == null || !p.isObject() || p.isEmpty()) {
                problem(path + ".periodsPerYear", "must map each grade taught to its periods per year",
                        "phải ghi số tiết/năm cho mỗi khối lớp học môn này");
            } else {
                for (var e : p.properties()) {
                    String at = path + ".periodsPerYear." + e.getKey();
                    int grade = parseGrade(e.getKey());
                    if (grade < 0) {
                        problem(at, "grade must be 6 to 12", "khối lớp phải từ 6 đến 12");
                    } else if (!e.getValue().canConvertToInt() || !e.getValue().isIntegralNumber()
                            || e.getValue().asInt() <= 0) {
                        problem(at, "periods per year must be a positive whole number", "số tiết/năm phải là số nguyên dương");
                    } else {
                        periods.put(grade, e.getValue().asInt());
                    }
                }
            }
            var subject = new Subject(code, text(node, path, "name", FieldLimit.SUBJECT_NAME, true), assessment, periods);
            unique(subjects, code, subject, path + ".code", "duplicate subject code " + code, "trùng mã môn học " + code);
            return subject;
        }

        SchoolClass schoolClass(JsonNode node, String path) {
            String code = id(node, path, "code", FieldLimit.CLASS_CODE);
            int grade = integer(node, path, "grade", 6, 12);
            if (grade > 0 && level != null && !gradeFitsLevel(grade)) {
                problem(path + ".grade", "grade " + grade + " is not taught at a " + level + " school",
                        "khối " + grade + " không thuộc cấp " + level);
            }
            String homeroom = id(node, path, "homeroomTeacher", FieldLimit.STAFF_ID);
            if (homeroom != null && !staff.containsKey(homeroom)) {
                problem(path + ".homeroomTeacher", "unknown staff id " + homeroom, "không có cán bộ mã " + homeroom);
            }
            Map<String, String> teachers = new LinkedHashMap<>();
            JsonNode t = node.get("subjectTeachers");
            if (t == null || !t.isObject()) {
                problem(path + ".subjectTeachers", "must map each subject code to a staff id",
                        "phải ghi giáo viên (mã cán bộ) cho từng môn học");
            } else {
                for (var e : t.properties()) {
                    String at = path + ".subjectTeachers." + e.getKey();
                    Subject subject = subjects.get(e.getKey());
                    if (subject == null) {
                        problem(at, "unknown subject code " + e.getKey(), "không có môn học mã " + e.getKey());
                    } else if (grade > 0 && !subject.periodsPerYear().containsKey(grade)) {
                        problem(at, "subject " + e.getKey() + " is not taught in grade " + grade,
                                "môn " + e.getKey() + " không học ở khối " + grade);
                    }
                    if (!e.getValue().isString() || !staff.containsKey(e.getValue().stringValue())) {
                        problem(at, "unknown staff id " + e.getValue(), "không có cán bộ mã " + e.getValue());
                    } else {
                        teachers.put(e.getKey(), e.getValue().stringValue());
                    }
                }
            }
            if (grade > 0) { // "every class has a teacher for each of its subjects"
                for (Subject s : subjects.values()) {
                    if (s.code() != null && s.periodsPerYear().containsKey(grade) && !teachers.containsKey(s.code())
                            && (t == null || !t.has(s.code()))) {
                        problem(path + ".subjectTeachers." + s.code(), "no teacher for subject " + s.code(),
                                "chưa có giáo viên dạy môn " + s.code());
                    }
                }
            }
            var c = new SchoolClass(code, grade, homeroom, teachers);
            unique(classes, code, c, path + ".code", "duplicate class code " + code, "trùng mã lớp " + code);
            return c;
        }

        Student student(JsonNode node, String path) {
            String id = id(node, path, "id", FieldLimit.STUDENT_ID);
            String sex = word(node, path, "sex", true);
            if (sex != null && !SEXES.contains(sex)) {
                problem(path + ".sex", "must be NAM or NU", "phải là NAM hoặc NU");
            }
            LocalDate born = dateOfBirth(node, path);
            String classCode = reference(node, path, "class", FieldLimit.CLASS_CODE);
            if (classCode != null && !classes.containsKey(classCode)) {
                problem(path + ".class", "unknown class " + classCode, "không có lớp " + classCode);
            }
            var student = new Student(id, text(node, path, "fullName", FieldLimit.STUDENT_FULL_NAME, true), sex, born,
                    text(node, path, "ethnicity", FieldLimit.STUDENT_ETHNICITY, false),
                    text(node, path, "placeOfBirth", FieldLimit.STUDENT_PLACE_OF_BIRTH, false),
                    text(node, path, "address", FieldLimit.STUDENT_ADDRESS, false),
                    text(node, path, "father", FieldLimit.STUDENT_FATHER, false),
                    text(node, path, "mother", FieldLimit.STUDENT_MOTHER, false), classCode,
                    text(node, path, "enrolmentNo", FieldLimit.STUDENT_ENROLMENT_NO, false),
                    text(node, path, "nationalId", FieldLimit.STUDENT_NATIONAL_ID, false));
            unique(students, id, student, path + ".id", "duplicate student id " + id + " (a student is in exactly one class)",
                    "trùng mã học sinh " + id + " (mỗi học sinh chỉ thuộc một lớp)");
            return student;
        }

        /** Assessments: one per student, subject and term; marks checked against the subject's kind. */
        final class AssessmentReader {
            private final Set<String> seen = new HashSet<>();

            Assessment read(JsonNode node, String path) {
                Student student = studentRef(node, path);
                String subjectCode = reference(node, path, "subject", FieldLimit.SUBJECT_CODE);
                Subject subject = subjectCode == null ? null : subjects.get(subjectCode);
                if (subjectCode != null && subject == null) {
                    problem(path + ".subject", "unknown subject code " + subjectCode, "không có môn học mã " + subjectCode);
                } else if (subject != null && student != null && classes.containsKey(student.classCode())
                        && !subject.periodsPerYear().containsKey(classes.get(student.classCode()).grade())) {
                    problem(path + ".subject", "subject " + subjectCode + " is not taught in the student's grade",
                            "môn " + subjectCode + " không học ở khối của học sinh");
                }
                int term = term(node, path);
                if (student != null && subjectCode != null && term > 0
                        && !seen.add(student.id() + "|" + subjectCode + "|" + term)) {
                    problem(path, "a second assessment of " + student.id() + ", " + subjectCode + ", term " + term,
                            "trùng bản ghi đánh giá của " + student.id() + ", môn " + subjectCode + ", học kì " + term);
                }
                boolean comment = subject != null && "COMMENT".equals(subject.assessment());
                // the unknown subject is reported already: its marks cannot be checked
                List<String> regular = subject == null ? List.of()
                        : MarkRule.regular(node.get("regular"), comment, path + ".regular", Ctx.this::problem);
                return new Assessment(student == null ? null : student.id(), subjectCode, term, regular,
                        mark(node.get("midterm"), path + ".midterm", comment, subject != null),
                        mark(node.get("final"), path + ".final", comment, subject != null));
            }

            /** A mark as text ("7.5", "Đ"), null when missing; a bad mark is a problem. */
            private String mark(JsonNode node, String path, boolean comment, boolean kindKnown) {
                if (!kindKnown) {
                    return null; // the unknown subject is reported already
                }
                return MarkRule.check(node, comment, path, Ctx.this::problem);
            }
        }

        /** Conduct and attendance: one row per student and term. */
        final class UniquePerTerm {
            private final Set<String> seen = new HashSet<>();

            Conduct conduct(JsonNode node, String path) {
                Student student = studentRef(node, path);
                int term = term(node, path);
                unique(student, term, path);
                String level = HomeroomRule.conduct(node.get("level"), path + ".level", true, Ctx.this::problem);
                return new Conduct(student == null ? null : student.id(), term, level);
            }

            Attendance attendance(JsonNode node, String path) {
                Student student = studentRef(node, path);
                int term = term(node, path);
                unique(student, term, path);
                return new Attendance(student == null ? null : student.id(), term,
                        HomeroomRule.days(node.get("excusedDays"), path + ".excusedDays", Ctx.this::problem),
                        HomeroomRule.days(node.get("unexcusedDays"), path + ".unexcusedDays", Ctx.this::problem));
            }

            private void unique(Student student, int term, String path) {
                if (student != null && term > 0 && !seen.add(student.id() + "|" + term)) {
                    problem(path, "a second row for " + student.id() + ", term " + term,
                            "trùng dòng của " + student.id() + ", học kì " + term);
                }
            }
        }

        /** Comments: one row per student; subject comments only for known subjects. */
        final class CommentReader {
            private final Set<String> seen = new HashSet<>();

            Comment read(JsonNode node, String path) {
                Student student = studentRef(node, path);
                if (student != null && !seen.add(student.id())) {
                    problem(path + ".student", "a second comment row for " + student.id(),
                            "trùng dòng nhận xét của " + student.id());
                }
                Map<String, String> bySubject = new LinkedHashMap<>();
                JsonNode s = node.get("subjects");
                if (s != null && !s.isNull()) {
                    if (!s.isObject()) {
                        problem(path + ".subjects", "must map subject codes to text", "phải ghi nhận xét theo mã môn học");
                    } else {
                        for (var e : s.properties()) {
                            if (!subjects.containsKey(e.getKey())) {
                                problem(path + ".subjects." + e.getKey(), "unknown subject code " + e.getKey(),
                                        "không có môn học mã " + e.getKey());
                            } else {
                                String text = text(s, path + ".subjects", e.getKey(), FieldLimit.SUBJECT_COMMENT, false,
                                        Field.MULTI_LINE);
                                if (text != null) {
                                    bySubject.put(e.getKey(), text);
                                }
                            }
                        }
                    }
                }
                return new Comment(student == null ? null : student.id(),
                        HomeroomRule.comment(node.get("homeroom"), path + ".homeroom", Ctx.this::problem), bySubject);
            }
        }

        Student studentRef(JsonNode node, String path) {
            String id = reference(node, path, "student", FieldLimit.STUDENT_ID);
            if (id == null) {
                return null;
            }
            Student s = students.get(id);
            if (s == null) {
                problem(path + ".student", "unknown student id " + id, "không có học sinh mã " + id);
            }
            return s;
        }

        int term(JsonNode node, String path) {
            JsonNode t = node.get("term");
            if (t == null || !t.isIntegralNumber() || (t.asInt() != 1 && t.asInt() != 2)) {
                problem(path + ".term", "must be 1 or 2", "học kì phải là 1 hoặc 2");
                return 0;
            }
            return t.asInt();
        }

        <T> List<T> array(JsonNode root, String field, Element<T> element) {
            JsonNode node = root.get(field);
            List<T> out = new ArrayList<>();
            if (node == null || !node.isArray()) {
                problem(field, "is required (an array)", "bắt buộc (một mảng)");
                return out;
            }
            for (int i = 0; i < node.size(); i++) {
                String path = field + "[" + i + "]";
                JsonNode item = node.get(i);
                if (!item.isObject()) {
                    problem(path, "must be an object", "phải là một đối tượng");
                } else {
                    out.add(element.read(item, path));
                }
            }
            return out;
        }

        /** A one-line text printed on the record. */
        String text(JsonNode node, String path, String field, FieldLimit limit, boolean required) {
            return text(node, path, field, limit, required, Field.ONE_LINE);
        }

        /**
         * A text field: normalised per {@link PrintableText} (NFC, white space) before its length and characters are
         * checked, so what is checked is what is stored and printed.
         *
         * @return the normalised text; null when absent, or refused (the problem is listed)
         */
        String text(JsonNode node, String path, String field, FieldLimit limit, boolean required, Field kind) {
            return DatasetReader.text(node.get(field), path + "." + field, limit, required, kind, this::problem);
        }

        /**
         * The first combining mark that follows no letter (at the start, or after a space or punctuation): it would
         * print as a lone accent. -1 when there is none.
         */
        static int strayMark(String s) {
            int previous = ' ';
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                int type = Character.getType(cp);
                boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                        || type == Character.ENCLOSING_MARK;
                if (mark && !Character.isLetterOrDigit(previous) && !isMark(previous)) {
                    return cp;
                }
                previous = cp;
                i += Character.charCount(cp);
            }
            return -1;
        }

        private static boolean isMark(int cp) {
            int type = Character.getType(cp);
            return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK;
        }

        /** A word of a closed vocabulary (sex, level, ...), checked by the caller; NFC, spaces stripped. */
        String word(JsonNode node, String path, String field, boolean required) {
            return DatasetReader.word(node.get(field), path + "." + field, required, this::problem);
        }

        /** A reference to an id or code (checked by the caller), no longer than the id it refers to. */
        String reference(JsonNode node, String path, String field, FieldLimit limit) {
            String s = word(node, path, field, true);
            if (s != null && s.length() > limit.maxChars()) {
                problem(path + "." + field, "is longer than " + limit.maxChars() + " characters",
                        "dài quá " + limit.maxChars() + " ký tự");
                return null;
            }
            return s;
        }

        /** An id or code: letters, digits, '.', '_' and '-', starting with a letter or digit, within its limit. */
        String id(JsonNode node, String path, String field, FieldLimit limit) {
            String id = word(node, path, field, true);
            if (id != null && (id.length() > limit.maxChars() || !CODE.matcher(id).matches())) {
                problem(path + "." + field, "may hold only letters, digits, '.', '_' and '-' (at most "
                                + limit.maxChars() + ")",
                        "chỉ gồm chữ, số, '.', '_' và '-' (tối đa " + limit.maxChars() + " ký tự)");
                return null;
            }
            return id;
        }

        /** Strict {@code YYYY-MM-DD}, plausible for the school year ({@link PlausibleDates}). */
        LocalDate dateOfBirth(JsonNode node, String path) {
            String dob = word(node, path, "dateOfBirth", true);
            if (dob == null) {
                return null;
            }
            LocalDate born = PlausibleDates.parseStrict(dob);
            if (born == null) {
                problem(path + ".dateOfBirth", "must be a date written YYYY-MM-DD, e.g. 2013-09-28",
                        "phải là ngày dạng YYYY-MM-DD, ví dụ 2013-09-28");
                return null;
            }
            if (!dates.plausibleBirth(born, yearStarts)) {
                String at = yearStarts != null ? "when the school year starts (" + yearStarts + ")" : "today";
                String atVi = yearStarts != null ? "khi năm học bắt đầu (" + yearStarts + ")" : "hôm nay";
                problem(path + ".dateOfBirth", dob + " is not plausible: a student is " + PlausibleDates.YOUNGEST_AGE
                                + " to " + PlausibleDates.OLDEST_AGE + " years old " + at,
                        dob + " không hợp lý: học sinh phải từ " + PlausibleDates.YOUNGEST_AGE + " đến "
                                + PlausibleDates.OLDEST_AGE + " tuổi " + atVi);
                return null;
            }
            return born;
        }

        int integer(JsonNode node, String path, String field, int min, int max) {
            return DatasetReader.integer(node.get(field), path + "." + field, min, max, this::problem);
        }

        boolean gradeFitsLevel(int grade) {
            return "THCS".equals(level) ? grade >= 6 && grade <= 9 : grade >= 10 && grade <= 12;
        }

        static String shown(BigDecimal value) {
            return MarkRule.shown(value);
        }

        static int parseGrade(String key) {
            try {
                int g = Integer.parseInt(key);
                return g >= 6 && g <= 12 ? g : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    @FunctionalInterface
    private interface Element<T> {
        T read(JsonNode node, String path);
    }
}
