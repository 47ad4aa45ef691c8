package vn.hocba.archive.batch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.hocba.archive.workflow.DocumentType;

/**
 * What a batch is to sign (API.md "Batch countersigning"), in one of two forms: the documents listed by lookup code,
 * or every current document of one type of a school year (one class, or every class when {@code class} is null).
 * {@link #parse} checks the body whole and reports every problem at once (422 with {@code errors}).
 */
public sealed interface SigningBatchRequest permits SigningBatchRequest.Listed, SigningBatchRequest.Selection {

    /** The most documents one batch may list (a large school's year of student records is about 2,000). */
    int MAX_DOCUMENTS = 5_000;

    /** The documents named by their lookup codes, in the order given, each once. */
    record Listed(List<UUID> documents) implements SigningBatchRequest {
        public Listed {
            documents = List.copyOf(documents);
        }
    }

    /** The current documents of {@code type} of a school year; {@code classCode} null: of every class. */
    record Selection(String school, String schoolYear, String classCode, DocumentType type) implements SigningBatchRequest {
    }

    Set<String> LISTED_MEMBERS = Set.of("documents");
    Set<String> SELECTION_MEMBERS = Set.of("school", "schoolYear", "class", "documentType");
    Pattern SCHOOL_YEAR = Pattern.compile("\\d{4}-\\d{4}");
    Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Strict: a member named twice ({@code {"documents": [A], "documents": [B]}}) is refused, not the last one kept. */
    JsonMapper JSON = JsonMapper.builder().enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    Pattern DUPLICATE = Pattern.compile("Duplicate (?:Object )?(?:property|field) \"([^\"]*)\"");

    /**
     * The request in {@code body} (JSON).
     *
     * @throws SigningBatchRequestRejectedException (422) with every problem found
     */
    static SigningBatchRequest parse(byte[] body) {
        List<BatchRequestProblem> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (JacksonException e) {
            var duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (duplicate.find()) {
                throw rejected(problem(problems, duplicate.group(1), "this member appears more than once",
                        "thuộc tính này xuất hiện nhiều lần"));
            }
            root = null;
        }
        if (root == null || root.isMissingNode()) {
            throw rejected(problem(problems, "", "the body is not a JSON object", "nội dung yêu cầu không phải là một đối tượng JSON"));
        }
        if (!root.isObject()) {
            throw rejected(problem(problems, "", "the body is not a JSON object", "nội dung yêu cầu không phải là một đối tượng JSON"));
        }
        boolean listed = false;
        boolean selection = false;
        for (String name : root.propertyNames()) {
            if (LISTED_MEMBERS.contains(name)) {
                listed = true;
            } else if (SELECTION_MEMBERS.contains(name)) {
                selection = true;
            } else if (name.equals("pin")) {
                if (!root.get("pin").isString() || root.get("pin").asString().isEmpty()) {
                    problem(problems, "pin", "the PIN or OTP of your remote signing service, as a string",
                            "mã PIN hoặc OTP của dịch vụ ký số từ xa, dạng chuỗi");
                }
            } else {
                problem(problems, name, "unknown member", "thuộc tính không được hỗ trợ");
            }
        }
        if (listed && selection) {
            problem(problems, "", "name either \"documents\" or a school year (\"school\", \"schoolYear\", \"class\", "
                    + "\"documentType\"), not both", "chỉ nêu hoặc \"documents\" hoặc năm học (\"school\", \"schoolYear\", "
                    + "\"class\", \"documentType\"), không nêu cả hai");
            throw rejected(problems);
        }
        if (!listed && !selection) {
            problem(problems, "", "name the documents (\"documents\") or a school year (\"school\", \"schoolYear\", "
                    + "\"class\", \"documentType\")", "hãy nêu các văn bản (\"documents\") hoặc năm học (\"school\", "
                    + "\"schoolYear\", \"class\", \"documentType\")");
            throw rejected(problems);
        }
        SigningBatchRequest request = listed ? listed(root.get("documents"), problems) : selection(root, problems);
        if (!problems.isEmpty()) {
            throw rejected(problems);
        }
        return request;
    }

    /**
     * The PIN or OTP a remote signing service asks to authorize the batch's signatures once (member {@code pin}),
     * from a body {@link #parse} accepted; never stored.
     */
    static char[] pin(byte[] body) {
        JsonNode pin = JSON.readTree(body).get("pin");
        return pin == null ? null : pin.asString().toCharArray();
    }

    private static Listed listed(JsonNode documents, List<BatchRequestProblem> problems) {
        if (!documents.isArray()) {
            problem(problems, "documents", "expected an array of lookup codes", "cần một mảng mã tra cứu");
            return null;
        }
        if (documents.isEmpty()) {
            problem(problems, "documents", "lists no document", "danh sách văn bản trống");
            return null;
        }
        if (documents.size() > MAX_DOCUMENTS) {
            problem(problems, "documents", "lists " + documents.size() + " documents; at most " + MAX_DOCUMENTS
                    + " per batch", "có " + documents.size() + " văn bản; mỗi lô tối đa " + MAX_DOCUMENTS + " văn bản");
            return null;
        }
        Set<UUID> codes = new LinkedHashSet<>();
        for (int i = 0; i < documents.size(); i++) {
            JsonNode code = documents.get(i);
            String path = "documents[" + i + "]";
            if (!code.isString() || !UUID_TEXT.matcher(code.asString()).matches()) {
                problem(problems, path, "not a lookup code (a UUID)", "không phải mã tra cứu (UUID)");
            } else if (!codes.add(UUID.fromString(code.asString()))) {
                problem(problems, path, "listed twice", "bị nêu hai lần");
            }
        }
        return new Listed(new ArrayList<>(codes));
    }

    private static Selection selection(JsonNode root, List<BatchRequestProblem> problems) {
        String school = requiredText(root, "school", problems);
        String year = requiredText(root, "schoolYear", problems);
        if (year != null && !SCHOOL_YEAR.matcher(year).matches()) {
            problem(problems, "schoolYear", "expected a school year such as 2024-2025", "cần năm học dạng 2024-2025");
        }
        String classCode = null;
        JsonNode klass = root.get("class");
        if (klass != null && !klass.isNull()) {
            if (!klass.isString() || klass.asString().isBlank()) {
                problem(problems, "class", "expected a class code or null", "cần mã lớp hoặc null");
            } else {
                classCode = klass.asString().strip();
            }
        }
        String typeName = requiredText(root, "documentType", problems);
        DocumentType type = null;
        if (typeName != null) {
            try {
                type = DocumentType.valueOf(typeName.toUpperCase(Locale.ROOT).equals(typeName) ? typeName : "?");
            } catch (IllegalArgumentException unknown) {
                problem(problems, "documentType", "unknown document type; one of STUDENT_RECORD, CLASS_GRADEBOOK, "
                        + "CLASS_SUMMARY", "loại văn bản không hợp lệ; một trong STUDENT_RECORD, CLASS_GRADEBOOK, CLASS_SUMMARY");
            }
        }
        return new Selection(school, year, classCode, type);
    }

    private static String requiredText(JsonNode root, String name, List<BatchRequestProblem> problems) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            problem(problems, name, "required", "bắt buộc");
            return null;
        }
        if (!node.isString() || node.asString().isBlank()) {
            problem(problems, name, "expected a non-empty text", "cần một chuỗi không rỗng");
            return null;
        }
        return node.asString().strip();
    }

    private static List<BatchRequestProblem> problem(List<BatchRequestProblem> problems, String path, String en, String vi) {
        problems.add(new BatchRequestProblem(path, en, vi));
        return problems;
    }

    private static SigningBatchRequestRejectedException rejected(List<BatchRequestProblem> problems) {
        return new SigningBatchRequestRejectedException(problems);
    }
}
