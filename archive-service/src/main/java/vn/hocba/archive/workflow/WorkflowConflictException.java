package vn.hocba.archive.workflow;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import vn.hocba.archive.common.HocbaException;

/** A signature refused because it is not the caller's turn, they signed already, or the record is complete. */
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
