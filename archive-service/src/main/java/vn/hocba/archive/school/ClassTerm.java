package vn.hocba.archive.school;

/** One class in one term of a school year: the unit that is locked after entry. {@code term} is 1 or 2. */
public record ClassTerm(String classCode, int term) implements Comparable<ClassTerm> {

    public ClassTerm {
        if (term != 1 && term != 2) {
            throw new IllegalArgumentException("term must be 1 or 2, not " + term);
        }
    }

    @Override
    public int compareTo(ClassTerm o) {
        int c = classCode.compareTo(o.classCode);
        return c != 0 ? c : Integer.compare(term, o.term);
    }

    @Override
    public String toString() {
        return classCode + "/" + term;
    }
}
