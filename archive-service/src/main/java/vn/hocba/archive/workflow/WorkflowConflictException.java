package vn.hocba.archive.workflow;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import vn.hocba.archive.common.HocbaException;

/**
 * A refusal of the workflow (409): not the caller's turn, signed already, the record complete, no principal to
 * countersign, or the year's data changed under a render. {@code awaiting} says who may sign now.
 */
public class WorkflowConflictException extends HocbaException {

    private final List<String> awaiting;

    WorkflowConflictException(String type, String detailEn, String detailVi, List<String> awaiting) {
        super(HttpStatus.CONFLICT, type, detailEn, detailVi);
        this.awaiting = List.copyOf(awaiting);
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("awaiting", awaiting);
    }
}
