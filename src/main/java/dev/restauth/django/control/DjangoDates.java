package dev.restauth.django.control;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Django's datetimes as dumpdata writes them, read the way DRF's DateTimeField reads them. */
final class DjangoDates {

    private DjangoDates() {}

    /**
     * ISO-8601 with {@code Z} or an offset (USE_TZ), or naive (taken as UTC); null for null. A
     * wrong format is DRF's error under {@code field}, and null.
     */
    static Instant instant(String text, String field, Map<String, List<String>> errors) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                errors.put(
                        field,
                        List.of("Datetime has wrong format. Use one of these formats instead:"
                                + " YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]."));
                return null;
            }
        }
    }
}
