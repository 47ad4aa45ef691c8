package vn.hocba.archive.school;

import java.util.List;

/** A dataset broke one or more rules of the import contract; nothing of it was stored. */
public class DatasetRejectedException extends RuntimeException {

    private final List<DatasetProblem> problems;

    public DatasetRejectedException(List<DatasetProblem> problems) {
        super(problems.size() + " problem(s) in the dataset, first: " + problems.get(0).path() + ": "
                + problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public List<DatasetProblem> problems() {
        return problems;
    }
}
