package vn.hocba.archive.school;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first pass over a dataset's bytes, before any tree is built, for what a tree no longer shows:
 * <ul>
 * <li>an empty body, and bytes that are not UTF-8 (the format is "one UTF-8 JSON document"), refused with the line
 * and column of the first bad byte;</li>
 * <li>a syntax error, refused with its line and column (1-based, in characters);</li>
 * <li>a member named twice in one object ({@code "final": 0.5, … "final": 7.7}): RFC 8259 §4 leaves the meaning
 * undefined and a tree silently keeps the last value, so every duplicate of the document is listed with its path
 * ({@code assessments[0].final}).</li>
 * </ul>
 */
final class StrictJson {

    private StrictJson() {
    }

    /**
     * @return the document as text, without a leading byte order mark
     * @throws DatasetRejectedException for an empty body or bytes that are not UTF-8
     */
    static String decode(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer scratch = CharBuffer.allocate(8192); // validation only: the text is built once, below
        CoderResult result;
        do {
            scratch.clear();
            result = decoder.decode(in, scratch, true);
        } while (result.isOverflow());
        if (!result.isError()) {
            scratch.clear();
            result = decoder.flush(scratch);
        }
        if (result.isError()) {
            int offset = in.position();
            String before = new String(body, 0, offset, StandardCharsets.UTF_8);
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            int column = before.length() - before.lastIndexOf('\n');
            throw DatasetRejectedException.unreadable(
                    "the dataset is not UTF-8: invalid byte at line " + line + ", column " + column
                            + " (byte offset " + offset + ")",
                    "tập dữ liệu không phải UTF-8: byte không hợp lệ ở dòng " + line + ", cột " + column
                            + " (vị trí byte " + offset + ")",
                    line, column);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte order mark some editors write; not content
        }
        if (text.isBlank()) {
            throw DatasetRejectedException.emptyBody();
        }
        return text;
    }

    /**
     * @param mapper the mapper whose parser settings (limits) the tree will be read with
     * @param json the document
     * @param maxProblems how many duplicates to list at most
     * @return one problem per duplicate member, in document order; empty when there is none
     * @throws DatasetRejectedException when the document is not well-formed JSON (with its line and column)
     */
    static List<DatasetProblem> duplicateMembers(JsonMapper mapper, String json, int maxProblems) {
        List<DatasetProblem> problems = new ArrayList<>();
        Deque<Set<String>> names = new ArrayDeque<>(); // member names seen, per open object
        try (JsonParser p = mapper.createParser(json)) {
            JsonToken token = p.nextToken();
            int depth = 0;
            do {
                switch (token) {
                    case START_OBJECT -> {
                        names.push(new HashSet<>());
                        depth++;
                    }
                    case START_ARRAY -> depth++;
                    case END_OBJECT -> {
                        names.pop();
                        depth--;
                    }
                    case END_ARRAY -> depth--;
                    case PROPERTY_NAME -> {
                        String name = p.currentName();
                        if (!names.peek().add(name) && problems.size() < maxProblems) {
                            String path = path(p.streamReadContext());
                            problems.add(new DatasetProblem(path,
                                    "duplicate member \"" + name + "\": an object may give each member only once",
                                    "trùng khóa \"" + name + "\": mỗi khóa chỉ được ghi một lần trong một đối tượng"));
                        }
                    }
                    default -> {
                        // a scalar value: nothing to check here
                    }
                }
                if (depth == 0) {
                    break;
                }
                token = p.nextToken();
            } while (token != null);
            if (depth > 0 || p.nextToken() != null) {
                TokenStreamLocation at = depth > 0 ? p.currentLocation() : p.currentTokenLocation();
                throw syntaxError(depth > 0 ? "unexpected end of the document" : "content after the end of the document",
                        depth > 0 ? "tài liệu kết thúc đột ngột" : "còn nội dung sau khi tài liệu đã kết thúc", at);
            }
        } catch (JacksonException e) {
            throw syntaxError(e.getOriginalMessage(), e.getOriginalMessage(), e.getLocation());
        }
        return problems;
    }

    private static DatasetRejectedException syntaxError(String reasonEn, String reasonVi, TokenStreamLocation at) {
        int line = at == null ? -1 : at.getLineNr();
        int column = at == null ? -1 : at.getColumnNr();
        return DatasetRejectedException.unreadable(
                "not valid JSON at line " + line + ", column " + column + ": " + reasonEn,
                "không phải JSON hợp lệ ở dòng " + line + ", cột " + column + ": " + reasonVi,
                line, column);
    }

    /** The dataset-style path of the current member: {@code assessments[0].final}, {@code school.code}. */
    static String path(TokenStreamContext context) {
        Deque<String> segments = new ArrayDeque<>();
        for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                segments.push("[" + c.getCurrentIndex() + "]");
            } else if (c.currentName() != null) {
                segments.push("." + c.currentName());
            }
        }
        String path = String.join("", segments);
        return path.startsWith(".") ? path.substring(1) : path;
    }
}
