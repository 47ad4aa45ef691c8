package vn.hocba.archive.search;

import java.util.List;

import vn.hocba.archive.security.HocbaUser;

/** What a caller may find: the system administrator everything, staff their own school's archive. */
public final class CallerScope {

    private CallerScope() {
    }

    public static SearchIndex.SearchScope of(HocbaUser caller) {
        if (caller.school() == null) {
            return caller.isAdmin() ? SearchIndex.SearchScope.everything() : SearchIndex.SearchScope.schools(List.of());
        }
        return SearchIndex.SearchScope.schools(List.of(caller.school()));
    }
}
