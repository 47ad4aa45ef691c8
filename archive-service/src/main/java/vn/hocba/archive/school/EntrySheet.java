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
 * What every entry sheet ({@code [{"student", …}, …]} for one class) checks before its values: strict UTF-8 JSON
 * without duplicate members ({@link StrictJson}), a non-empty array of objects, no unknown member, and each student
 * once and in the class. The values are each sheet's own ({@link MarkSheet}, {@link HomeroomSheet}) and are checked
 * by the rules the import uses. Every problem is collected (paths like {@code [0].final}); any problem refuses the
 * sheet whole ({@link MarksRejectedException}, 422).
 */
final class EntrySheet {

    /** Reads the values of one row; the student is null when refused (the row's values are still checked). */
    interface Row<T> {
        T read(JsonNode row, String path, String student);
    }

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final List<DatasetProblem> problems = new ArrayList<>();

    /** Where value rules report (a {@link MarkRule.Problems}). */
    void problem(String path, String en, String vi) {
        if (problems.size() < DatasetReader.MAX_PROBLEMS) {
            problems.add(new DatasetProblem(path, en, vi));
        }
    }

    /**
     * @param shape   the row's members as shown in a refusal, e.g. {@code {student, regular, midterm, final}}
     * @param members the members a row may have ({@code student} among them)
     * @throws MarksRejectedException listing every problem, when any
     */
    <T> List<T> read(byte[] json, String shape, Set<String> members, Set<String> studentsOfClass, Row<T> values) {
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
            throw new MarksRejectedException(List.of(new DatasetProblem("$", "must be a non-empty array of " + shape,
                    "phải là một mảng khác rỗng các " + shape)));
        }
        List<T> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < root.size(); i++) {
            String path = "[" + i + "]";
            JsonNode node = root.get(i);
            if (!node.isObject()) {
                problem(path, "must be an object " + shape, "phải là một đối tượng " + shape);
                continue;
            }
            for (var member : node.properties()) {
                if (!members.contains(member.getKey())) {
                    problem(path + "." + member.getKey(), "unknown member", "trường không hợp lệ");
                }
            }
            JsonNode s = node.get("student");
            String student = s != null && s.isString() ? s.stringValue() : null;
            if (student == null) {
                problem(path + ".student", "the student's id is required", "thiếu mã học sinh");
            } else if (!studentsOfClass.contains(student)) {
                problem(path + ".student", "student " + shown(student) + " is not in this class",
                        "học sinh " + shown(student) + " không thuộc lớp này");
                student = null;
            } else if (!seen.add(student)) {
                problem(path + ".student", "student " + student + " is listed twice", "học sinh " + student + " bị lặp lại");
                student = null;
            }
            rows.add(values.read(node, path, student));
        }
        if (!problems.isEmpty()) {
            throw new MarksRejectedException(problems);
        }
        return List.copyOf(rows);
    }

    private static String shown(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
