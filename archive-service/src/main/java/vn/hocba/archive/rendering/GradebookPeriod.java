package vn.hocba.archive.rendering;

/** The period a class gradebook or class summary book covers (the API's {@code period}). */
public enum GradebookPeriod {
    TERM1("Học kì I", 1),
    TERM2("Học kì II", 2),
    YEAR("Cả năm", 0);

    private final String label;
    private final int term;

    GradebookPeriod(String label, int term) {
        this.label = label;
        this.term = term;
    }

    /** As printed: "Học kì I", "Học kì II", "Cả năm". */
    public String label() {
        return label;
    }

    /** 1 or 2 for a term; 0 for the year. */
    public int term() {
        return term;
    }

    public boolean isTerm() {
        return term != 0;
    }
}
