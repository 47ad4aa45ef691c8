package vn.hocba.archive.school;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The marks of one class-subject-term as a teacher enters them ({@code [{"student", "regular": [8, 7.5], "midterm",
 * "final"}]}), checked whole before anything is stored: scores from 0 to 10 with at most one decimal, read as exact
 * decimals (never {@code double}); "Đ"/"CĐ" for a comment subject (Thông tư 22 Điều 5); each student once and in the
 * class; at most {@link FieldLimit#MAX_REGULAR_MARKS} regular marks. A missing mark stays missing (null): the results
 * then say "incomplete", nothing is guessed. The same rules as the import's (DatasetReader), so entered and imported
 * marks are stored alike ("7.0", "Đ").
 */
public final class MarkSheet {

    /** One student's marks as they will be stored: numbers with one decimal, comment marks "Đ"/"CĐ", missing null. */
    public record Entry(String student, List<String> regular, String midterm, String finalMark) {

        public Entry {
            regular = List.copyOf(regular);
        }

        /** As written to the audit log and compared for changes. */
        public String describe() {
            return "regular=" + regular + " midterm=" + midterm + " final=" + finalMark;
        }
    }

    private static final Set<String> MEMBERS = Set.of("student", "regular", "midterm", "final");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final boolean commentSubject;
    private final Set<String> studentsOfClass;
    private final List<DatasetProblem> problems = new ArrayList<>();

    private MarkSheet(boolean commentSubject, Set<String> studentsOfClass) {
        this.commentSubject = commentSubject;
        this.studentsOfClass = studentsOfClass;
    }

    /**
     * @param json            the request body
     * @param commentSubject  whether the subject is assessed by comment (Đ/CĐ) rather than scored
     * @param studentsOfClass the ids of the class's students in that school year
     * @throws MarksRejectedException listing every problem, when any
     */
    public static List<Entry> read(byte[] json, boolean commentSubject, Set<String> studentsOfClass) {
        return new MarkSheet(commentSubject, studentsOfClass).read(json);
    }

    private List<Entry> read(byte[] json) {
        JsonNode root;
        try {
            String text = StrictJson.decode(json);
            problems.addAll(StrictJson.duplicateMembers(MAPPER, text, DatasetReader.MAX_PROBLEMS));
            root = MAPPER.readTree(text);
        } catch (DatasetRejectedException unreadable) {
            throw new MarksRejectedException(unreadable.problems());
        } catch (JacksonException e) {
            throw new MarksRejectedException(List.of(new DatasetProblem("$", "not a JSON document", "không phải tài liệu JSON")));
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new MarksRejectedException(List.of(new DatasetProblem("$",
                    "must be a non-empty array of {student, regular, midterm, final}",
                    "phải là một mảng khác rỗng các {student, regular, midterm, final}")));
        }
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < root.size(); i++) {
            String path = "[" + i + "]";
            JsonNode node = root.get(i);
            if (!node.isObject()) {
                problem(path, "must be an object {student, regular, midterm, final}", "phải là một đối tượng {student, regular, midterm, final}");
                continue;
            }
            for (var member : node.properties()) {
                String name = member.getKey();
                if (!MEMBERS.contains(name)) {
                    problem(path + "." + name, "unknown member", "trường không hợp lệ");
                }
            }
            JsonNode s = node.get("student");
            String student = s != null && s.isString() ? s.stringValue() : null;
            if (student == null) {
                problem(path + ".student", "the student's id is required", "thiếu mã học sinh");
            } else if (!studentsOfClass.contains(student)) {
                problem(path + ".student", "student " + shown(student) + " is not in this class",
                        "học sinh " + shown(student) + " không thuộc lớp này");
            } else if (!seen.add(student)) {
                problem(path + ".student", "student " + student + " is listed twice", "học sinh " + student + " bị lặp lại");
            }
            List<String> regular = new ArrayList<>();
            JsonNode r = node.get("regular");
            if (r != null && !r.isNull()) {
                if (!r.isArray()) {
                    problem(path + ".regular", "must be an array of marks", "phải là một mảng điểm");
                } else if (r.size() > FieldLimit.MAX_REGULAR_MARKS) {
                    problem(path + ".regular", "holds " + r.size() + " regular marks; at most "
                                    + FieldLimit.MAX_REGULAR_MARKS + " are accepted",
                            "có " + r.size() + " điểm đánh giá thường xuyên; tối đa " + FieldLimit.MAX_REGULAR_MARKS);
                } else {
                    for (int k = 0; k < r.size(); k++) {
                        if (r.get(k).isNull()) {
                            problem(path + ".regular[" + k + "]", "a regular mark cannot be null", "điểm thường xuyên không được để trống");
                            continue;
                        }
                        String mark = mark(r.get(k), path + ".regular[" + k + "]");
                        if (mark != null) {
                            regular.add(mark);
                        }
                    }
                }
            }
            String midterm = mark(node.get("midterm"), path + ".midterm");
            String finalMark = mark(node.get("final"), path + ".final");
            entries.add(new Entry(student, regular, midterm, finalMark));
        }
        if (!problems.isEmpty()) {
            throw new MarksRejectedException(problems);
        }
        return List.copyOf(entries);
    }

    /** A mark as stored ("7.5", "Đ"), null when missing; a bad mark is a problem. */
    private String mark(JsonNode node, String path) {
        return MarkRule.check(node, commentSubject, path, this::problem);
    }

    private void problem(String path, String en, String vi) {
        if (problems.size() < DatasetReader.MAX_PROBLEMS) {
            problems.add(new DatasetProblem(path, en, vi));
        }
    }

    private static String shown(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

}
