package vn.hocba.archive.school;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import vn.hocba.archive.common.HocbaException;

/**
 * A change to a locked class-term (409): after lock, marks change only through corrections (DOMAIN.md "Locking,
 * corrections and audit"). {@code locked} names the class-terms, e.g. {@code ["6A/1"]}.
 */
public class ClassTermLockedException extends HocbaException {

    private final List<String> locked;

    ClassTermLockedException(String school, String schoolYear, Collection<ClassTerm> locked) {
        super(HttpStatus.CONFLICT, "class-term-locked",
                "class-term " + locked + " of " + school + " " + schoolYear + " is locked; changes go through corrections",
                "lớp - học kì " + locked + " của trường " + school + " năm học " + schoolYear
                        + " đã khóa; mọi thay đổi phải qua yêu cầu sửa chữa");
        this.locked = locked.stream().map(ClassTerm::toString).toList();
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("locked", locked);
    }
}
