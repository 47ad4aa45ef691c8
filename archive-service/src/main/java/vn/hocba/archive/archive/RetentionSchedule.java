package vn.hocba.archive.archive;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import vn.hocba.storage.Retention;

/**
 * How long the store keeps each type of document, from {@code hocba.archive.retention.<TYPE>}: {@code permanent}, or
 * an ISO-8601 period from the day it is archived ({@code P5Y}). Every type not listed is permanent: student records,
 * class gradebooks and summary books are kept for good (DOMAIN.md "Retention": Thông tư 27/2016, Luật Lưu trữ 2024).
 * A change of the schedule applies to what is archived from then on; the store never shortens an existing retention.
 * Retentions are COMPLIANCE: no one can shorten them or delete the object before they end.
 */
@Component
public class RetentionSchedule {

    private final Map<String, Period> periods = new TreeMap<>();

    RetentionSchedule(ArchiveProperties properties) {
        properties.retention().forEach((type, value) -> {
            String normalized = type.toUpperCase(Locale.ROOT).replace('-', '_');
            if (value.trim().equalsIgnoreCase("permanent")) {
                return;
            }
            try {
                Period period = Period.parse(value.trim());
                if (period.isNegative() || period.isZero()) {
                    throw new DateTimeParseException("not positive", value, 0);
                }
                periods.put(normalized, period);
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("hocba.archive.retention." + type + " is " + value
                        + ": it must be permanent or an ISO-8601 period such as P5Y", e);
            }
        });
    }

    /** The retention of a document of {@code documentType} archived at {@code archivedAt}. */
    public Retention retention(String documentType, Instant archivedAt) {
        Period period = periods.get(documentType);
        if (period == null) {
            return Retention.permanent();
        }
        return Retention.compliance(archivedAt.atOffset(ZoneOffset.UTC).plus(period).toInstant());
    }

    /** Why: the schedule's entry, for the catalogue and {@code GET …/retention} ({@code basis}). */
    public String basis(String documentType) {
        Period period = periods.get(documentType);
        return period == null
                ? "permanent: " + documentType + " (hocba.archive.retention; DOMAIN.md, Thông tư 27/2016)"
                : period + " from archiving: " + documentType + " (hocba.archive.retention." + documentType + ")";
    }
}
