package vn.hocba.archive.school;

/** The school year has rendered records: its data changes only through corrections, not by re-import. */
public class SchoolYearClosedException extends RuntimeException {

    private final String school;
    private final String schoolYear;

    public SchoolYearClosedException(String school, String schoolYear) {
        super("school year " + schoolYear + " of " + school + " has rendered records; changes go through corrections");
        this.school = school;
        this.schoolYear = schoolYear;
    }

    public String school() {
        return school;
    }

    public String schoolYear() {
        return schoolYear;
    }
}
