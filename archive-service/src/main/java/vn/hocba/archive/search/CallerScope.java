package vn.hocba.archive.search;

import org.springframework.stereotype.Component;

import vn.hocba.archive.common.Caller;
import vn.hocba.archive.security.ReadableRecords;
import vn.hocba.archive.security.StudentAccess;

/**
 * What a caller may find: exactly the records {@link StudentAccess} lets them read (the system administrator
 * everything; per school year of their school the whole year for a school-wide role in that year, otherwise the
 * classes they teach that year). The one place where search turns a caller into a {@link SearchIndex.SearchScope}.
 */
@Component
public class CallerScope {

    private final StudentAccess access;

    CallerScope(StudentAccess access) {
        this.access = access;
    }

    /** Inspectors: every school of their jurisdiction (all years); everyone else: {@link StudentAccess#readable}. */
    public SearchIndex.SearchScope of(Caller caller) {
        if (caller.isInspector()) {
            return SearchIndex.SearchScope.schools(access.inspectedSchools(caller));
        }
        return of(access.readable(caller));
    }

    static SearchIndex.SearchScope of(ReadableRecords readable) {
        if (readable.everything()) {
            return SearchIndex.SearchScope.everything();
        }
        return new SearchIndex.SearchScope(false, readable.years().stream()
                .map(y -> y.wholeYear()
                        ? SearchIndex.SearchScope.Part.year(y.school(), y.schoolYear())
                        : SearchIndex.SearchScope.Part.classes(y.school(), y.schoolYear(), y.classes()))
                .toList());
    }
}
