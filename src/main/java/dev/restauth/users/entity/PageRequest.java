package dev.restauth.users.entity;

import java.math.BigInteger;
import java.util.Optional;

/**
 * DRF's {@code LimitOffsetPagination} as a request: {@code ?limit=} asks for a page, {@code
 * ?offset=} says where it starts. Read as DRF reads them: a limit that is not a positive integer
 * means no page at all (the plain list, DRF's default without {@code PAGE_SIZE}), a limit above
 * the maximum is cut to it, and an offset that is not a non-negative integer is 0.
 */
public record PageRequest(int offset, int limit) {

    public static Optional<PageRequest> of(String limit, String offset, int maxLimit) {
        Integer pageSize = positive(limit, true);
        if (pageSize == null) {
            return Optional.empty();
        }
        Integer start = positive(offset, false);
        return Optional.of(new PageRequest(start == null ? 0 : start, Math.min(pageSize, maxLimit)));
    }

    /** Whether a page follows this one among {@code count} results. */
    public boolean hasNext(long count) {
        return (long) offset + limit < count;
    }

    public boolean hasPrevious() {
        return offset > 0;
    }

    /** The following page's offset. */
    public int nextOffset() {
        return offset + limit;
    }

    /** The previous page's offset; 0 (DRF then leaves the parameter out) at the start. */
    public int previousOffset() {
        return Math.max(0, offset - limit);
    }

    /** Python's {@code int()} as DRF's {@code _positive_int} uses it: surrounding blanks allowed. */
    private static Integer positive(String text, boolean strict) {
        if (text == null) {
            return null;
        }
        try {
            BigInteger value = new BigInteger(text.strip());
            if (value.signum() < 0 || (strict && value.signum() == 0)) {
                return null;
            }
            return value.min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
        } catch (NumberFormatException notAnInteger) {
            return null;
        }
    }
}
