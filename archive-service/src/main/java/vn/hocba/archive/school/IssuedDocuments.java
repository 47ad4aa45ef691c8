package vn.hocba.archive.school;

/**
 * Whether documents were already issued from a school year's data: implemented by the feature that issues them, so
 * that the import can refuse to change a year whose data is printed on documents without reading that feature's
 * tables.
 */
public interface IssuedDocuments {

    /** True when at least one document was rendered from that school year's data. */
    boolean anyIssued(String school, String schoolYear);

    /**
     * True when a current (not superseded) document prints data of that class-term: the class's student records, and
     * its gradebooks and summary books of that term or of the year.
     */
    boolean anyIssued(String school, String schoolYear, String classCode, int term);
}
