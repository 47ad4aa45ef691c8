package vn.hocba.archive.school;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import vn.hocba.archive.common.StaffRole;
import vn.hocba.archive.common.Hashes;
import vn.hocba.archive.school.SchoolYearDataset.Assessment;
import vn.hocba.archive.school.SchoolYearDataset.Attendance;
import vn.hocba.archive.school.SchoolYearDataset.Comment;
import vn.hocba.archive.school.SchoolYearDataset.Conduct;
import vn.hocba.archive.school.SchoolYearDataset.SchoolClass;
import vn.hocba.archive.school.SchoolYearDataset.Staff;
import vn.hocba.archive.school.SchoolYearDataset.Student;
import vn.hocba.archive.school.SchoolYearDataset.Subject;

/**
 * A validated dataset written back in the {@code hocba.school-year/v1} shape, in one canonical order that depends on
 * its content only: staff by id, subjects in the school's order (it is the order printed on the record), classes by
 * grade and code, students by class and id, per-student rows by student, subject and term; roles sorted, objects
 * keyed in a fixed order; absent and blank optional values left out.
 *
 * <p>The same data therefore gives the same document whatever the order or the layout it came in (JSON or XLSX,
 * rows sorted or not), and its SHA-256 is the dataset's fingerprint: an import whose fingerprint equals the stored
 * one changes nothing. Exports ({@code dataset.json}, {@code dataset.xlsx}) are written in this order.
 */
public final class DatasetDocument {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DatasetDocument() {
    }

    /** The SHA-256 (hex) of the canonical document: equal for equal data, whatever order it was sent in. */
    public static String fingerprint(SchoolYearDataset dataset) {
        return Hashes.sha256(JSON.writeValueAsBytes(tree(dataset)));
    }

    /** The canonical document as UTF-8 JSON bytes (what {@code dataset.json} serves). */
    public static byte[] json(SchoolYearDataset dataset) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree(dataset));
    }

    /** The dataset with every list in canonical order (the order of the exports). */
    public static SchoolYearDataset ordered(SchoolYearDataset d) {
        Map<String, Integer> subjectPosition = new HashMap<>();
        for (int i = 0; i < d.subjects().size(); i++) {
            subjectPosition.putIfAbsent(d.subjects().get(i).code(), i);
        }
        Comparator<String> bySubject = Comparator.comparing((String code) -> subjectPosition.getOrDefault(code, Integer.MAX_VALUE))
                .thenComparing(Comparator.naturalOrder());
        Map<String, SchoolClass> classes = new HashMap<>();
        d.classes().forEach(c -> classes.putIfAbsent(c.code(), c));
        Comparator<SchoolClass> classOrder = Comparator.comparingInt(SchoolClass::grade).thenComparing(SchoolClass::code);
        Comparator<Student> studentOrder = Comparator.comparing((Student s) -> classes.get(s.classCode()),
                Comparator.nullsLast(classOrder)).thenComparing(Student::id);
        List<Student> students = sorted(d.students(), studentOrder);
        Map<String, Integer> studentPosition = new HashMap<>();
        for (int i = 0; i < students.size(); i++) {
            studentPosition.putIfAbsent(students.get(i).id(), i);
        }
        Comparator<String> byStudent = Comparator.comparing((String id) -> studentPosition.getOrDefault(id, Integer.MAX_VALUE))
                .thenComparing(Comparator.naturalOrder());

        List<Staff> staff = d.staff().stream()
                .map(s -> new Staff(s.id(), s.fullName(), byName(s.roles()), s.email()))
                .sorted(Comparator.comparing(Staff::id)).toList();
        List<Subject> subjects = d.subjects().stream()
                .map(s -> new Subject(s.code(), s.name(), s.assessment(), new TreeMap<>(s.periodsPerYear()))).toList();
        List<SchoolClass> classList = d.classes().stream()
                .map(c -> new SchoolClass(c.code(), c.grade(), c.homeroomTeacher(), keyed(c.subjectTeachers(), bySubject)))
                .sorted(classOrder).toList();
        List<Assessment> assessments = sorted(d.assessments(), Comparator.comparing(Assessment::student, byStudent)
                .thenComparing(Assessment::subject, bySubject).thenComparingInt(Assessment::term));
        List<Conduct> conduct = sorted(d.conduct(), Comparator.comparing(Conduct::student, byStudent)
                .thenComparingInt(Conduct::term));
        List<Attendance> attendance = sorted(d.attendance(), Comparator.comparing(Attendance::student, byStudent)
                .thenComparingInt(Attendance::term));
        List<Comment> comments = d.comments().stream()
                .map(c -> new Comment(c.student(), c.homeroom(), keyed(c.subjects(), bySubject)))
                .sorted(Comparator.comparing(Comment::student, byStudent)).toList();
        return new SchoolYearDataset(d.schoolYear(), d.school(), staff, subjects, classList, students, assessments,
                conduct, attendance, comments);
    }

    /** The canonical document as a tree. Scored marks are JSON numbers written from their exact decimal text. */
    public static ObjectNode tree(SchoolYearDataset dataset) {
        SchoolYearDataset d = ordered(dataset);
        Set<String> commentSubjects = new java.util.HashSet<>();
        d.subjects().stream().filter(s -> "COMMENT".equals(s.assessment())).forEach(s -> commentSubjects.add(s.code()));

        ObjectNode root = NODES.objectNode();
        root.put("format", SchoolYearDataset.FORMAT);
        root.put("schoolYear", d.schoolYear());
        ObjectNode school = root.putObject("school");
        put(school, "code", d.school().code());
        put(school, "name", d.school().name());
        put(school, "level", d.school().level());
        put(school, "province", d.school().province());
        put(school, "district", d.school().district());
        put(school, "address", d.school().address());

        ArrayNode staff = root.putArray("staff");
        for (Staff s : d.staff()) {
            ObjectNode o = staff.addObject();
            put(o, "id", s.id());
            put(o, "fullName", s.fullName());
            ArrayNode roles = o.putArray("roles");
            s.roles().forEach(role -> roles.add(role.name()));
            put(o, "email", s.email());
        }
        ArrayNode subjects = root.putArray("subjects");
        for (Subject s : d.subjects()) {
            ObjectNode o = subjects.addObject();
            put(o, "code", s.code());
            put(o, "name", s.name());
            put(o, "assessment", s.assessment());
            ObjectNode periods = o.putObject("periodsPerYear");
            s.periodsPerYear().forEach((grade, p) -> periods.put(String.valueOf(grade), p));
        }
        ArrayNode classes = root.putArray("classes");
        for (SchoolClass c : d.classes()) {
            ObjectNode o = classes.addObject();
            put(o, "code", c.code());
            o.put("grade", c.grade());
            put(o, "homeroomTeacher", c.homeroomTeacher());
            ObjectNode teachers = o.putObject("subjectTeachers");
            c.subjectTeachers().forEach(teachers::put);
        }
        ArrayNode students = root.putArray("students");
        for (Student s : d.students()) {
            ObjectNode o = students.addObject();
            put(o, "id", s.id());
            put(o, "fullName", s.fullName());
            put(o, "sex", s.sex());
            put(o, "dateOfBirth", s.dateOfBirth() == null ? null : s.dateOfBirth().toString());
            put(o, "ethnicity", s.ethnicity());
            put(o, "placeOfBirth", s.placeOfBirth());
            put(o, "address", s.address());
            put(o, "father", s.father());
            put(o, "mother", s.mother());
            put(o, "class", s.classCode());
            put(o, "enrolmentNo", s.enrolmentNo());
            put(o, "nationalId", s.nationalId());
        }
        ArrayNode assessments = root.putArray("assessments");
        for (Assessment a : d.assessments()) {
            boolean comment = commentSubjects.contains(a.subject());
            ObjectNode o = assessments.addObject();
            put(o, "student", a.student());
            put(o, "subject", a.subject());
            o.put("term", a.term());
            if (!a.regular().isEmpty()) {
                ArrayNode regular = o.putArray("regular");
                a.regular().forEach(m -> regular.add(mark(m, comment)));
            }
            if (a.midterm() != null) {
                o.set("midterm", mark(a.midterm(), comment));
            }
            if (a.finalMark() != null) {
                o.set("final", mark(a.finalMark(), comment));
            }
        }
        ArrayNode conduct = root.putArray("conduct");
        for (Conduct c : d.conduct()) {
            ObjectNode o = conduct.addObject();
            put(o, "student", c.student());
            o.put("term", c.term());
            put(o, "level", c.level());
        }
        ArrayNode attendance = root.putArray("attendance");
        for (Attendance a : d.attendance()) {
            ObjectNode o = attendance.addObject();
            put(o, "student", a.student());
            o.put("term", a.term());
            o.put("excusedDays", a.excusedDays());
            o.put("unexcusedDays", a.unexcusedDays());
        }
        ArrayNode comments = root.putArray("comments");
        for (Comment c : d.comments()) {
            ObjectNode o = comments.addObject();
            put(o, "student", c.student());
            put(o, "homeroom", c.homeroom());
            ObjectNode bySubject = NODES.objectNode();
            c.subjects().forEach((subject, text) -> put(bySubject, subject, text));
            if (!bySubject.isEmpty()) {
                o.set("subjects", bySubject);
            }
        }
        return root;
    }

    /** A mark as the dataset writes it: a scored mark a number from its exact text ("7.5"), a comment mark text. */
    static tools.jackson.databind.JsonNode mark(String mark, boolean comment) {
        return comment ? NODES.stringNode(mark) : NODES.numberNode(new BigDecimal(mark));
    }

    /** Absent and blank optional values are one and the same: an empty spreadsheet cell cannot tell them apart. */
    private static void put(ObjectNode o, String field, String value) {
        if (value != null && !value.isEmpty()) {
            o.put(field, value);
        }
    }

    /** Roles in the order the format's canonical form lists them: by name. */
    private static Set<StaffRole> byName(Set<StaffRole> roles) {
        return roles.stream().sorted(Comparator.comparing(StaffRole::name))
                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private static <T> List<T> sorted(List<T> list, Comparator<T> order) {
        var copy = new ArrayList<>(list);
        copy.sort(order);
        return copy;
    }

    private static <V> Map<String, V> keyed(Map<String, V> map, Comparator<String> order) {
        var keys = new ArrayList<>(map.keySet());
        keys.sort(order);
        Map<String, V> out = new LinkedHashMap<>();
        keys.forEach(k -> out.put(k, map.get(k)));
        return out;
    }
}
