/**
 * Assessment rules of Thông tư 22/2021/TT-BGDĐT (grades 6-12) as plain Java: term and year
 * averages, comment-subject results, learning and conduct levels, promotion and titles.
 *
 * <p>Framework-free and exact: every score is a {@link java.math.BigDecimal}, no binary floating
 * point anywhere (checked by {@code GradingHouseRulesTest}). A value that cannot be computed yet
 * (missing assessments, missing conduct) is {@code null}, never guessed. The single entry point is
 * {@link vn.hocba.archive.grading.Tt22Assessment#evaluate(StudentYearInput)}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package vn.hocba.archive.grading;
