package vn.hocba.archive.school;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import vn.hocba.archive.common.HocbaException;

/**
 * A document is rendered for signature only once every term it prints is locked, so that what is signed
 * cannot change under the signers (409). {@code unlocked} names the class-terms still open, e.g. {@code ["6A/2"]}.
 */
public class ClassTermsNotLockedException extends HocbaException {

    private final List<String> unlocked;

    ClassTermsNotLockedException(String school, String schoolYear, Collection<ClassTerm> unlocked) {
        super(HttpStatus.CONFLICT, "not-locked",
                "class-term " + unlocked + " of " + school + " " + schoolYear
                        + " is not locked yet; the principal locks it before documents (records, gradebooks) are rendered from it",
                "lớp - học kì " + unlocked + " của trường " + school + " năm học " + schoolYear
                        + " chưa khóa; hiệu trưởng phải khóa sổ trước khi tạo văn bản (học bạ, sổ theo dõi) từ dữ liệu này");
        this.unlocked = unlocked.stream().map(ClassTerm::toString).toList();
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("unlocked", unlocked);
    }
}
