package vn.hocba.archive.school;

import org.springframework.http.HttpStatus;

import vn.hocba.archive.common.HocbaException;

/** The school year has rendered records: its data changes only through corrections, not by re-import (409). */
public class SchoolYearClosedException extends HocbaException {

    public SchoolYearClosedException(String school, String schoolYear) {
        super(HttpStatus.CONFLICT, "school-year-closed",
                "school year " + schoolYear + " of " + school + " has rendered records; changes go through corrections",
                "năm học " + schoolYear + " của trường " + school + " đã có học bạ; mọi thay đổi phải qua yêu cầu sửa chữa");
    }
}
