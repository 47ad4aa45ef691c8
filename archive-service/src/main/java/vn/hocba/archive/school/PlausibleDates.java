package vn.hocba.archive.school;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Which school years and dates of birth a dataset may hold. Meant to catch typing mistakes and machine-made nonsense
 * ({@code 9998-9999}, {@code +999999999-12-31}), not to judge a school's enrolment:
 * <ul>
 * <li>A school year starts on {@link #SCHOOL_YEAR_STARTS} (1 September; the opening day is 5 September, Quyết định
 * khung kế hoạch thời gian năm học of the Ministry, and enrolment data is ready before it).</li>
 * <li>Its first year is {@value #EARLIEST_FIRST_YEAR} or later (no digital record predates that), and it starts at
 * most one year after today (a school prepares next year's data over the summer, never further ahead).</li>
 * <li>A date of birth is strict {@code YYYY-MM-DD} (four-digit year, a real calendar day), and the student is at least
 * {@value #YOUNGEST_AGE} and at most {@value #OLDEST_AGE} years old when the school year starts: lower secondary
 * starts near 11 and continuing education takes adults, so the range is wide but still rules out a date after
 * the school year or a century ago.</li>
 * </ul>
 * "Today" comes from the injected {@link Clock}.
 *
 * @param clock the time source for "today"
 */
public record PlausibleDates(Clock clock) {

    public static final int EARLIEST_FIRST_YEAR = 2000;
    public static final MonthDay SCHOOL_YEAR_STARTS = MonthDay.of(9, 1);
    public static final int YOUNGEST_AGE = 3;
    public static final int OLDEST_AGE = 80;

    private static final Pattern STRICT_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** The day a school year beginning in {@code firstYear} starts. */
    public static LocalDate start(int firstYear) {
        return SCHOOL_YEAR_STARTS.atYear(firstYear);
    }

    /** Whether a school year beginning in {@code firstYear} may be imported today. */
    public boolean plausibleSchoolYear(int firstYear) {
        return firstYear >= EARLIEST_FIRST_YEAR && !start(firstYear).isAfter(LocalDate.now(clock).plusYears(1));
    }

    /**
     * @return the date, or null when it is not strict {@code YYYY-MM-DD} or not a calendar day (2013-02-30)
     */
    public static LocalDate parseStrict(String text) {
        if (!STRICT_DATE.matcher(text).matches()) {
            return null; // also refuses "+999999999-12-31" and "-0001-01-01", which LocalDate.parse accepts
        }
        try {
            return LocalDate.parse(text); // ISO_LOCAL_DATE resolves strictly: no 30 February
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * @param born a date of birth
     * @param yearStarts the day the school year starts, or null when the dataset's school year is itself invalid
     *                   (then today stands in for it)
     */
    public boolean plausibleBirth(LocalDate born, LocalDate yearStarts) {
        LocalDate at = yearStarts != null ? yearStarts : LocalDate.now(clock);
        if (born.isAfter(at)) {
            return false;
        }
        int age = Period.between(born, at).getYears();
        return age >= YOUNGEST_AGE && age <= OLDEST_AGE;
    }
}
