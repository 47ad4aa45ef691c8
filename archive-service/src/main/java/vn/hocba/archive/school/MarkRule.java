package vn.hocba.archive.school;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The one rule for a mark as written in a dataset or entered by a teacher (Thông tư 22/2021 Điều 6-7): a scored
 * subject takes a number from 0 to 10 with at most one decimal, kept as an exact decimal (never binary floating
 * point); a comment subject takes "Đ" (Đạt) or "CĐ" (Chưa đạt). The import and mark entry both apply it, so that the
 * two can never accept different marks.
 */
final class MarkRule {

    /** Where a refusal is reported: the path, and the reason in English and Vietnamese. */
    interface Problems {
        void add(String path, String en, String vi);
    }

    private MarkRule() {
    }

    /**
     * @param node    the mark as given; null or JSON null is a missing mark
     * @param comment whether the subject is assessed by comment (Đ/CĐ) rather than scored
     * @return the mark as stored ({@code "7.5"}, {@code "8.0"}, {@code "Đ"}, {@code "CĐ"}), or null when missing or
     *         refused (then the problem is reported)
     */
    static String check(JsonNode node, boolean comment, String path, Problems problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (comment) {
            String mark = node.isString() ? Normalizer.normalize(node.stringValue().strip(), Normalizer.Form.NFC) : null;
            if ("Đ".equals(mark) || "CĐ".equals(mark)) {
                return mark;
            }
            problems.add(path, "a comment subject's mark must be \"Đ\" or \"CĐ\"",
                    "môn đánh giá bằng nhận xét chỉ nhận \"Đ\" hoặc \"CĐ\"");
            return null;
        }
        if (!node.isNumber()) {
            problems.add(path, "a score must be a number from 0 to 10", "điểm phải là số từ 0 đến 10");
            return null;
        }
        BigDecimal score = node.decimalValue();
        String shown = shown(score); // never expand 1e-999999999 into a billion digits
        if (score.signum() < 0 || score.compareTo(BigDecimal.TEN) > 0) {
            problems.add(path, "a score must be from 0 to 10, not " + shown, "điểm phải từ 0 đến 10, không phải " + shown);
            return null;
        }
        if (score.scale() > 1 && score.stripTrailingZeros().scale() > 1) {
            problems.add(path, "a score has at most one decimal, not " + shown,
                    "điểm chỉ có tối đa một chữ số thập phân, không phải " + shown);
            return null;
        }
        return score.setScale(1).toPlainString();
    }

    /**
     * The regular assessments (ĐĐGtx) of one student, subject and term: absent or null is none yet; otherwise an
     * array of at most {@link FieldLimit#MAX_REGULAR_MARKS} marks, each by {@link #check}. A null INSIDE the array is
     * refused, never dropped: dropping it would renumber the marks after it, and a correction names a regular mark by
     * its index ({@code regular[1]}). A missing regular mark is left out of the array instead.
     *
     * @param path the array's path, e.g. {@code assessments[3].regular}
     * @return the marks as stored (refused ones left out, each reported)
     */
    static List<String> regular(JsonNode node, boolean comment, String path, Problems problems) {
        List<String> regular = new ArrayList<>();
        if (node == null || node.isNull()) {
            return regular;
        }
        if (!node.isArray()) {
            problems.add(path, "must be an array of marks", "phải là một mảng điểm");
        } else if (node.size() > FieldLimit.MAX_REGULAR_MARKS) {
            // stored comma-joined in assessment.regular_marks (FieldLimit.REGULAR_MARKS)
            problems.add(path, "holds " + node.size() + " regular marks; at most " + FieldLimit.MAX_REGULAR_MARKS
                    + " are accepted", "có " + node.size() + " điểm đánh giá thường xuyên; tối đa " + FieldLimit.MAX_REGULAR_MARKS);
        } else {
            for (int k = 0; k < node.size(); k++) {
                String at = path + "[" + k + "]";
                if (node.get(k).isNull()) {
                    problems.add(at, "a regular mark cannot be null: leave a missing mark out of the array",
                            "điểm thường xuyên không được để trống: điểm chưa có thì bỏ khỏi danh sách");
                    continue;
                }
                String mark = check(node.get(k), comment, at, problems);
                if (mark != null) {
                    regular.add(mark);
                }
            }
        }
        return regular;
    }

    /** A number as quoted in a problem: short, and never expanded from its exponent form. */
    static String shown(BigDecimal value) {
        String s = value.abs().scale() > 20 || value.precision() - value.scale() > 20 ? value.toString() : value.toPlainString();
        return s.length() > 24 ? s.substring(0, 24) + "…" : s;
    }
}
