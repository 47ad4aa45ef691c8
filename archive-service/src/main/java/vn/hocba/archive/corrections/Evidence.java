package vn.hocba.archive.corrections;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import vn.hocba.archive.common.Hashes;
import vn.hocba.archive.school.DatasetProblem;

/**
 * The evidence file of a correction (e.g. a scan of the test paper), as received in the request: a PDF, JPEG or PNG
 * of at most {@link #MAX_BYTES}, whose first bytes must be those of the type it claims (a renamed file is refused,
 * since the file is served back to the school's staff with that type).
 */
record Evidence(String filename, String contentType, byte[] content, String sha256) {

    /** The largest evidence file kept: a phone photo or a scanned page fits well within it. */
    static final int MAX_BYTES = 10 * 1024 * 1024;

    static final int MAX_FILENAME = 255;

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("[ \\t\\r\\n]+");

    /** Allowed types and the first bytes of each (PDF: "%PDF-"; JPEG: SOI marker; PNG: its 8-byte signature). */
    private static final Map<String, byte[]> MAGIC = Map.of(
            "application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'},
            "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    /**
     * Reads the {@code evidence} member: null (or absent) for none; problems with paths {@code evidence.*} otherwise.
     *
     * @return the evidence, or null when none was given or it is refused (then {@code problems} says why)
     */
    static Evidence read(JsonNode node, List<DatasetProblem> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problems.add(new DatasetProblem("evidence", "must be an object {filename, contentType, base64} or null",
                    "phải là một đối tượng {filename, contentType, base64} hoặc null"));
            return null;
        }
        int before = problems.size();
        for (var member : node.properties()) {
            if (!List.of("filename", "contentType", "base64").contains(member.getKey())) {
                problems.add(new DatasetProblem("evidence." + shown(member.getKey()), "unknown member", "trường không hợp lệ"));
            }
        }
        String filename = filename(node.get("filename"), problems);
        String contentType = contentType(node.get("contentType"), problems);
        byte[] content = content(node.get("base64"), problems);
        if (problems.size() > before) {
            return null;
        }
        byte[] magic = MAGIC.get(contentType);
        if (content.length < magic.length || !Arrays.equals(content, 0, magic.length, magic, 0, magic.length)) {
            problems.add(new DatasetProblem("evidence.base64", "the file's content is not of type " + contentType,
                    "tệp không đúng định dạng " + contentType));
            return null;
        }
        return new Evidence(filename, contentType, content, Hashes.sha256(content));
    }

    private static String filename(JsonNode node, List<DatasetProblem> problems) {
        String name = node != null && node.isString() ? node.stringValue() : null;
        if (name != null) {
            // keep the last path segment only: the name is offered back in a download, never used as a path
            name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        }
        if (name == null || name.isEmpty()) {
            problems.add(new DatasetProblem("evidence.filename", "the file name is required", "thiếu tên tệp"));
            return null;
        }
        if (name.length() > MAX_FILENAME || name.chars().anyMatch(Character::isISOControl)) {
            problems.add(new DatasetProblem("evidence.filename", "a file name of at most " + MAX_FILENAME
                    + " printable characters", "tên tệp tối đa " + MAX_FILENAME + " ký tự in được"));
            return null;
        }
        return vn.hocba.archive.common.Texts.nfc(name);
    }

    private static String contentType(JsonNode node, List<DatasetProblem> problems) {
        String type = node != null && node.isString() ? node.stringValue().strip().toLowerCase(Locale.ROOT) : null;
        int parameters = type == null ? -1 : type.indexOf(';');
        if (parameters >= 0) {
            type = type.substring(0, parameters).strip();
        }
        if (type == null || !MAGIC.containsKey(type)) {
            problems.add(new DatasetProblem("evidence.contentType",
                    "the evidence is a PDF, JPEG or PNG file (application/pdf, image/jpeg, image/png)",
                    "minh chứng phải là tệp PDF, JPEG hoặc PNG (application/pdf, image/jpeg, image/png)"));
            return null;
        }
        return type;
    }

    private static byte[] content(JsonNode node, List<DatasetProblem> problems) {
        if (node == null || !node.isString()) {
            problems.add(new DatasetProblem("evidence.base64", "the file's bytes, base64-encoded, are required",
                    "thiếu nội dung tệp (mã hóa base64)"));
            return null;
        }
        String text = node.stringValue();
        // refuse by length before decoding: 4 characters carry 3 bytes
        if ((long) text.length() / 4 * 3 > MAX_BYTES + 3L) {
            return tooLarge(problems);
        }
        byte[] bytes;
        try {
            // line breaks and spaces are allowed (base64 tools wrap lines); any other character outside the alphabet is not
            bytes = Base64.getDecoder().decode(WHITESPACE.matcher(text).replaceAll(""));
        } catch (IllegalArgumentException e) {
            problems.add(new DatasetProblem("evidence.base64", "not valid base64", "không phải dữ liệu base64 hợp lệ"));
            return null;
        }
        if (bytes.length > MAX_BYTES) {
            return tooLarge(problems);
        }
        if (bytes.length == 0) {
            problems.add(new DatasetProblem("evidence.base64", "the file is empty", "tệp rỗng"));
            return null;
        }
        return bytes;
    }

    static byte[] tooLarge(List<DatasetProblem> problems) {
        problems.add(new DatasetProblem("evidence.base64", "the file is larger than 10 MB", "tệp lớn hơn 10 MB"));
        return null;
    }

    private static String shown(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
