package vn.hocba.archive.school;

/**
 * The longest value each stored field of a {@code hocba.school-year/v1} dataset may hold, in UTF-16 characters of the
 * NFC-normalised text ({@link String#length()}, never less than the code points PostgreSQL and H2 count), and the
 * column that stores it. The one place these limits live: {@link DatasetReader} refuses a longer value at validation
 * (422 with its path), and {@code FieldLimitTest} reads the migrated schema and proves each limit fits its column, so a
 * value that passed validation can never fail on insert (500) and the two cannot drift apart.
 *
 * <p>Fields whose values come from a closed vocabulary (sex, levels, roles, marks) are bounded by that vocabulary,
 * and references by the limit of what they refer to; the same test covers them.
 */
public enum FieldLimit {

    SCHOOL_CODE("school", "code", 64),
    SCHOOL_NAME("school", "name", 255),
    SCHOOL_PROVINCE("school", "province", 255),
    SCHOOL_DISTRICT("school", "district", 255),
    SCHOOL_ADDRESS("school", "address", 1000),

    STAFF_ID("staff", "id", 32),
    STAFF_FULL_NAME("staff", "full_name", 255),
    STAFF_EMAIL("staff", "email", 255),

    SUBJECT_CODE("subject", "code", 32),
    SUBJECT_NAME("subject", "name", 255),

    CLASS_CODE("school_class", "code", 16),

    STUDENT_ID("student", "id", 32),
    STUDENT_FULL_NAME("student", "full_name", 255),
    STUDENT_ETHNICITY("student", "ethnicity", 64),
    STUDENT_PLACE_OF_BIRTH("student", "place_of_birth", 255),
    STUDENT_ADDRESS("student", "address", 1000),
    STUDENT_FATHER("student", "father", 255),
    STUDENT_MOTHER("student", "mother", 255),
    STUDENT_ENROLMENT_NO("student", "enrolment_no", 64),
    STUDENT_NATIONAL_ID("student", "national_id", 32),

    /**
     * The regular marks of one assessment, stored comma-joined ("7.0,4.0,5.5"): see {@link #MAX_REGULAR_MARKS} for
     * the count this allows.
     */
    REGULAR_MARKS("assessment", "regular_marks", 200),

    HOMEROOM_COMMENT("student_comment", "homeroom", 4000),
    SUBJECT_COMMENT("student_comment", "subject_text", 4000);

    /** The longest mark as stored: "10.0" (scores have one decimal; comment marks "Đ", "CĐ" are shorter). */
    static final int LONGEST_MARK = "10.0".length();

    /**
     * How many regular marks one assessment may hold: as many of the longest mark, comma-separated, as fit
     * {@link #REGULAR_MARKS} (40). Thông tư 22 Điều 7 asks for 2 to 4 a term; the margin is for schools that
     * record more, never for a 500.
     */
    public static final int MAX_REGULAR_MARKS = (REGULAR_MARKS.maxChars + 1) / (LONGEST_MARK + 1);

    private final String table;
    private final String column;
    private final int maxChars;

    FieldLimit(String table, String column, int maxChars) {
        this.table = table;
        this.column = column;
        this.maxChars = maxChars;
    }

    /** The table that stores the field. */
    public String table() {
        return table;
    }

    /** The column that stores the field. */
    public String column() {
        return column;
    }

    /** The longest value accepted, in UTF-16 characters. */
    public int maxChars() {
        return maxChars;
    }
}
