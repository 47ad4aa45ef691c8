package vn.hocba.archive.common;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may do what: the service's one authorization table (issue 18). Every HTTP handler of the service names its row
 * with {@link Allowed}; a handler without one is refused to everyone (deny by default, {@code security.AccessGate}).
 * {@code docs/authorization.md} reproduces this table with the endpoints of each row, and a test keeps the two equal.
 *
 * <p>Two checks make a "yes". The gate, before the handler runs, admits only the account kinds of the row: without an
 * account, the system administrator, an inspector, or staff of a school (any role) where the row names a staff role:
 * the staff roles of a row are those of the school year a request names, which only the feature knows.
 * The feature then checks the {@link #scope}: the roles and class assignments of the school year the request names
 * (roles hold per year, DOMAIN.md), the caller's own school, an inspector's jurisdiction. A refusal is {@code 403}
 * (problem+json on the API, a page in the browser), also for another school's data (API.md: never leak existence).
 */
public enum Access {

    /** The public verification of a lookup code or an uploaded file, and the trust anchors it needs. */
    VERIFY(Set.of(Who.values()),
            "anyone, without an account; archived versions only",
            "bất kỳ ai, không cần tài khoản; chỉ các phiên bản đã lưu trữ"),

    /** The sign-in page and the error page. */
    SIGN_IN(Set.of(Who.values()),
            "anyone",
            "bất kỳ ai"),

    /** The home page, the worklist "Việc của tôi" and the entry list: each shows only the caller's own. */
    OWN_WORK(signedIn(),
            "any account; each sees only what is assigned to them",
            "mọi tài khoản; mỗi người chỉ thấy việc của mình"),

    /** The caller's own account: changing its password (the only thing an account may do before its first change). */
    OWN_ACCOUNT(signedIn(),
            "any account, its own password only (a demo account's is fixed)",
            "mọi tài khoản, chỉ mật khẩu của chính mình (tài khoản demo không đổi được)"),

    /** Full-text search over the archive. */
    SEARCH(signedIn(),
            "staff: the years and classes they may read; an inspector: the schools of their jurisdiction (each search"
                    + " audited); the system administrator: everything",
            "cán bộ: các năm và lớp được xem; thanh tra: các trường trong địa bàn (mỗi lần tìm được ghi nhật ký);"
                    + " quản trị hệ thống: tất cả"),

    /** A student's results, a class page, a class's documents, a record's versions and PDF. */
    READ_SCHOOL_DATA(schoolReaders(),
            "the school's principal, vice principals, clerks and administrators of that year; a teacher: the classes"
                    + " they teach that year",
            "hiệu trưởng, phó hiệu trưởng, văn thư, quản trị của trường trong năm học đó; giáo viên: các lớp mình dạy"
                    + " trong năm học đó"),

    /** One document by its lookup code: body, PDF, retention. */
    READ_DOCUMENT(with(schoolReaders(), Who.INSPECTOR),
            "as READ_SCHOOL_DATA for the document's year and class; an inspector: archived versions in their"
                    + " jurisdiction, each read audited",
            "như READ_SCHOOL_DATA theo năm học và lớp của văn bản; thanh tra: phiên bản đã lưu trữ trong địa bàn,"
                    + " mỗi lần xem được ghi nhật ký"),

    /** Marks of a class-subject. */
    ENTER_MARKS(EnumSet.of(Who.TEACHER),
            "the class-subject's teacher that year",
            "giáo viên bộ môn của lớp trong năm học đó"),

    /** Conduct, attendance and comments of a class. */
    ENTER_HOMEROOM(EnumSet.of(Who.TEACHER),
            "the class's homeroom teacher that year",
            "giáo viên chủ nhiệm của lớp trong năm học đó"),

    /** Rendering a student record, a class's records or a gradebook for signature. */
    RENDER(schoolReaders(),
            "anyone who may read the class that year (READ_SCHOOL_DATA)",
            "người được xem lớp trong năm học đó (READ_SCHOOL_DATA)"),

    /** A signature, one by one or two-step (a batch's signatures too, under the same rule). */
    SIGN(EnumSet.of(Who.PRINCIPAL, Who.TEACHER),
            "staff of the document's school who have a place in its signing plan, at their turn (subject teachers,"
                    + " the homeroom teacher, the principal)",
            "cán bộ của trường có tên trong trình tự ký của văn bản, đến lượt mình (giáo viên bộ môn, giáo viên chủ"
                    + " nhiệm, hiệu trưởng)"),

    /**
     * Starting a signing batch (or confirming what it will sign): any staff member, of their own school's documents;
     * each document in it is then signed only under {@link #SIGN}'s rule, and reported otherwise.
     */
    START_SIGNING_BATCH(EnumSet.of(Who.PRINCIPAL, Who.VICE_PRINCIPAL, Who.CLERK, Who.SCHOOL_ADMIN, Who.TEACHER),
            "staff of the school; each document of the batch is signed only where SIGN allows, and reported otherwise",
            "cán bộ của trường; mỗi văn bản trong lô chỉ được ký khi SIGN cho phép, nếu không thì được báo lại"),

    /** Following a signing batch's progress and report. */
    FOLLOW_SIGNING_BATCH(EnumSet.of(Who.SYSTEM_ADMIN, Who.PRINCIPAL, Who.TEACHER),
            "the account that started the batch; the system administrator",
            "tài khoản đã bắt đầu lô ký; quản trị hệ thống"),

    /** The caller's own signing certificate (registration, the demo PKI's certificate request). */
    OWN_CERTIFICATE(EnumSet.of(Who.PRINCIPAL, Who.VICE_PRINCIPAL, Who.CLERK, Who.SCHOOL_ADMIN, Who.TEACHER),
            "staff listed in their school's current year, for their own account only",
            "cán bộ có tên trong năm học hiện tại của trường, chỉ cho tài khoản của mình"),

    /** Locking and unlocking class-terms and a whole year. */
    LOCK(EnumSet.of(Who.PRINCIPAL),
            "the school's principal that year",
            "hiệu trưởng của trường trong năm học đó"),

    /** Asking for a correction of a locked mark. */
    REQUEST_CORRECTION(EnumSet.of(Who.TEACHER),
            "the class-subject's teacher or the class's homeroom teacher that year",
            "giáo viên bộ môn hoặc giáo viên chủ nhiệm của lớp trong năm học đó"),

    /** Confirming, approving or rejecting a correction request. */
    DECIDE_CORRECTION(EnumSet.of(Who.PRINCIPAL, Who.TEACHER),
            "confirm: the class's homeroom teacher; approve or reject: the principal, never the requester",
            "xác nhận: giáo viên chủ nhiệm của lớp; duyệt hoặc từ chối: hiệu trưởng, không phải người đề nghị"),

    /** Reading correction requests and their evidence. */
    READ_CORRECTIONS(schoolReaders(),
            "as READ_SCHOOL_DATA: the whole year for school-wide roles, their classes for teachers",
            "như READ_SCHOOL_DATA: cả năm học với vai trò toàn trường, các lớp mình dạy với giáo viên"),

    /** Importing a school year (JSON, XLSX) and its empty workbook template. */
    IMPORT(EnumSet.of(Who.SYSTEM_ADMIN, Who.SCHOOL_ADMIN),
            "the system administrator; a school's administrator, for their own school",
            "quản trị hệ thống; quản trị của trường, cho trường của mình"),

    /** Exporting a school year's dataset (JSON, XLSX). */
    EXPORT(EnumSet.of(Who.SYSTEM_ADMIN, Who.PRINCIPAL, Who.VICE_PRINCIPAL, Who.CLERK, Who.SCHOOL_ADMIN),
            "the system administrator; the school's principal, vice principals, clerks and administrators that year",
            "quản trị hệ thống; hiệu trưởng, phó hiệu trưởng, văn thư, quản trị của trường trong năm học đó"),

    /** Placing and releasing a legal hold on an archived document. */
    HOLD(EnumSet.of(Who.PRINCIPAL, Who.INSPECTOR),
            "the principal of the document's school; an inspector whose jurisdiction holds it; released by the same"
                    + " authority",
            "hiệu trưởng của trường; thanh tra có địa bàn chứa trường; chỉ chính cơ quan đã giữ được gỡ"),

    /**
     * The system's upkeep: accounts, audit and fixity verification, the search index's rebuild, archive timestamp
     * renewals, the demo PKI's revocations.
     */
    ADMINISTER(EnumSet.of(Who.SYSTEM_ADMIN),
            "the system administrator",
            "quản trị hệ thống");

    /** The kinds of account a row admits: without one, the system administrator, an inspector, or a staff role. */
    public enum Who {
        /** Without an account. */
        ANONYMOUS,
        /** The system administrator (not staff of a school; signs nothing). */
        SYSTEM_ADMIN,
        /** A district or provincial inspector (Phòng, Sở GD&ĐT). */
        INSPECTOR,
        /** Hiệu trưởng. */
        PRINCIPAL,
        /** Phó hiệu trưởng. */
        VICE_PRINCIPAL,
        /** Văn thư. */
        CLERK,
        /** Quản trị của trường. */
        SCHOOL_ADMIN,
        /** Giáo viên: subject and homeroom teachers, by the year's class assignments. */
        TEACHER;

        /** The staff role this stands for; null for the kinds that are not staff roles. */
        public StaffRole staffRole() {
            return switch (this) {
                case PRINCIPAL -> StaffRole.PRINCIPAL;
                case VICE_PRINCIPAL -> StaffRole.VICE_PRINCIPAL;
                case CLERK -> StaffRole.CLERK;
                case SCHOOL_ADMIN -> StaffRole.ADMIN;
                case TEACHER -> StaffRole.TEACHER;
                default -> null;
            };
        }
    }

    private final Set<Who> who;
    private final String scopeEn;
    private final String scopeVi;

    Access(Set<Who> who, String scopeEn, String scopeVi) {
        this.who = Set.copyOf(who);
        this.scopeEn = scopeEn;
        this.scopeVi = scopeVi;
    }

    private static Set<Who> signedIn() {
        return EnumSet.complementOf(EnumSet.of(Who.ANONYMOUS));
    }

    /** The system administrator and every staff role: those who may read a school's year, each in their scope. */
    private static Set<Who> schoolReaders() {
        return EnumSet.of(Who.SYSTEM_ADMIN, Who.PRINCIPAL, Who.VICE_PRINCIPAL, Who.CLERK, Who.SCHOOL_ADMIN, Who.TEACHER);
    }

    private static Set<Who> with(Set<Who> who, Who more) {
        Set<Who> all = EnumSet.copyOf(who);
        all.add(more);
        return all;
    }

    /** The account kinds this row admits at the gate. */
    public Set<Who> who() {
        return who;
    }

    /** What the feature checks beyond the account kind, in English. */
    public String scope() {
        return scopeEn;
    }

    /** The same in Vietnamese. */
    public String scopeVi() {
        return scopeVi;
    }

    /**
     * Whether the gate admits this caller: null (no account) only where {@link Who#ANONYMOUS} is in the row; the
     * system administrator or an inspector where the row names them; staff of a school where the row names any staff
     * role (roles hold per school year: which of them the caller holds in the year a request names is the feature's
     * check, never the account's roles of today).
     */
    public boolean admits(Caller caller) {
        if (caller == null) {
            return who.contains(Who.ANONYMOUS);
        }
        if (caller.administrator()) {
            return who.contains(Who.SYSTEM_ADMIN);
        }
        if (caller.isInspector()) {
            return who.contains(Who.INSPECTOR);
        }
        return caller.staffId() != null && who.stream().anyMatch(w -> w.staffRole() != null);
    }
}
