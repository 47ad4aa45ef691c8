package vn.hocba.archive.school;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hocba.archive.common.NotFoundException;

/**
 * Entry windows (DOMAIN.md "Locking, corrections and audit"): the principal locks a class-term after entry; while it
 * is locked neither an import nor mark entry may change it, and a student record is rendered for signature only once
 * every term of its class is locked. Lock, unlock, entry and import all take the school year's row lock first
 * ({@link SchoolDirectory#lockYear}), so none of them interleaves with another. Who may lock is the caller's to check.
 */
@Service
public class ClassTermLocks {

    /** The answer of a lock or unlock: the class-term and whether it is locked now. */
    public record LockState(String classCode, int term, boolean locked) {
    }

    private final JdbcClient db;
    private final SchoolDirectory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final IssuedDocuments issued;

    ClassTermLocks(JdbcClient db, SchoolDirectory directory, ApplicationEventPublisher events, Clock clock,
                   IssuedDocuments issued) {
        this.issued = issued;
        this.db = db;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /** Locks the class-term (again: nothing changes); 404 for an unknown year or class. */
    @Transactional
    public LockState lock(String school, String year, String classCode, int term, String actor) {
        ClassTerm ct = existing(school, year, classCode, term);
        lockOne(school, year, ct, actor);
        return new LockState(classCode, term, true);
    }

    /**
     * Unlocks the class-term (again: nothing changes); 404 for an unknown year or class; 409 {@code documents-issued}
     * once a current document prints its data (DOMAIN.md: after lock a mark changes only through an approved
     * correction, which reissues those documents; an unlock would let them go stale).
     */
    @Transactional
    public LockState unlock(String school, String year, String classCode, int term, String actor) {
        ClassTerm ct = existing(school, year, classCode, term);
        directory.lockYear(school, year); // no render interleaves with this check
        if (isLocked(school, year, classCode, term) && issued.anyIssued(school, year, classCode, term)) {
            throw new DocumentsIssuedException(school, year, classCode, term);
        }
        int deleted = db.sql("delete from class_term_lock where school_code = ? and school_year = ? and class_code = ? and term = ?")
                .params(school, year, classCode, term).update();
        if (deleted > 0) {
            events.publishEvent(new ClassTermLockChanged(school, year, ct.classCode(), ct.term(), false, actor));
        }
        return new LockState(classCode, term, false);
    }

    /** Locks every class and term of the school year; 404 for an unknown year. */
    @Transactional
    public List<LockState> lockAll(String school, String year, String actor) {
        requireYear(school, year);
        directory.lockYear(school, year);
        List<LockState> out = new ArrayList<>();
        Set<ClassTerm> already = locked(school, year);
        for (var c : directory.classes(school, year)) {
            for (int term = 1; term <= 2; term++) {
                if (!already.contains(new ClassTerm(c.code(), term))) {
                    insertLock(school, year, new ClassTerm(c.code(), term), actor);
                }
                out.add(new LockState(c.code(), term, true));
            }
        }
        return out;
    }

    /** The locked class-terms of the school year. */
    public Set<ClassTerm> locked(String school, String year) {
        return new TreeSet<>(db.sql("select class_code, term from class_term_lock where school_code = ? and school_year = ?")
                .params(school, year).query((rs, i) -> new ClassTerm(rs.getString(1), rs.getInt(2))).list());
    }

    public boolean isLocked(String school, String year, String classCode, int term) {
        return db.sql("""
                select count(*) from class_term_lock where school_code = ? and school_year = ? and class_code = ? and term = ?""")
                .params(school, year, classCode, term).query(Integer.class).single() > 0;
    }

    /**
     * Refuses (409 {@code not-locked}) unless both terms of the class are locked: a record is rendered for signature
     * only from data that can no longer change.
     */
    public void requireLocked(String school, String year, String classCode) {
        requireLocked(school, year, classCode, Set.of(1, 2));
    }

    /** Refuses (409 {@code not-locked}) unless every one of {@code terms} of the class is locked. */
    public void requireLocked(String school, String year, String classCode, Set<Integer> terms) {
        Set<ClassTerm> locked = locked(school, year);
        List<ClassTerm> open = new ArrayList<>();
        for (int term : new java.util.TreeSet<>(terms)) {
            if (!locked.contains(new ClassTerm(classCode, term))) {
                open.add(new ClassTerm(classCode, term));
            }
        }
        if (!open.isEmpty()) {
            throw new ClassTermsNotLockedException(school, year, open);
        }
    }

    /** Refuses (409 {@code class-term-locked}) when the class-term is locked. */
    void requireUnlocked(String school, String year, String classCode, int term) {
        if (isLocked(school, year, classCode, term)) {
            throw new ClassTermLockedException(school, year, List.of(new ClassTerm(classCode, term)));
        }
    }

    /**
     * Refuses (409) a dataset that would change a locked class-term of its year, as stored now. The caller holds the
     * year's row lock.
     */
    void requireNoLockedChange(String school, String year, SchoolYearDataset before, SchoolYearDataset data) {
        Set<ClassTerm> locked = locked(school, year);
        if (locked.isEmpty()) {
            return;
        }
        var changed = ClassTermChanges.changed(ClassTermChanges.YearContent.of(before),
                ClassTermChanges.YearContent.of(data), locked);
        if (!changed.isEmpty()) {
            throw new ClassTermLockedException(school, year, changed);
        }
    }

    private void lockOne(String school, String year, ClassTerm ct, String actor) {
        if (!isLocked(school, year, ct.classCode(), ct.term())) {
            insertLock(school, year, ct, actor);
        }
    }

    private void insertLock(String school, String year, ClassTerm ct, String actor) {
        db.sql("insert into class_term_lock (school_code, school_year, class_code, term, locked_by, locked_at) values (?, ?, ?, ?, ?, ?)")
                .params(school, year, ct.classCode(), ct.term(), actor, Timestamp.from(clock.instant())).update();
        events.publishEvent(new ClassTermLockChanged(school, year, ct.classCode(), ct.term(), true, actor));
    }

    /** The class-term, once the year is row-locked; 404 for an unknown year, class or term. */
    private ClassTerm existing(String school, String year, String classCode, int term) {
        requireYear(school, year);
        directory.lockYear(school, year);
        if (term != 1 && term != 2 || directory.schoolClass(school, year, classCode).isEmpty()) {
            throw new NotFoundException("class " + classCode + ", term " + term + " in " + year,
                    "lớp " + classCode + ", học kì " + term + " năm học " + year);
        }
        return new ClassTerm(classCode, term);
    }

    private void requireYear(String school, String year) {
        if (!directory.yearExists(school, year)) {
            throw new NotFoundException("school year " + year + " of " + school, "năm học " + year + " của trường " + school);
        }
    }
}
