package vn.hocba.archive.school;

/** A class-term was locked ({@code locked} true) or unlocked by {@code actor} (the audit log keeps each). */
public record ClassTermLockChanged(String school, String schoolYear, String classCode, int term, boolean locked,
                                   String actor) {
}
