package dev.restauth.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpiredRowPurgeTest {

    @Test
    void deletesBatchAfterBatchUntilOneComesBackShort() {
        List<Integer> asked = new ArrayList<>();
        int[] left = {2 * ExpiredRowPurge.BATCH + 7};
        long purged = ExpiredRowPurge.run("rows", limit -> {
            asked.add(limit);
            int deleted = Math.min(limit, left[0]);
            left[0] -= deleted;
            return deleted;
        });
        assertEquals(2L * ExpiredRowPurge.BATCH + 7, purged);
        assertEquals(List.of(ExpiredRowPurge.BATCH, ExpiredRowPurge.BATCH, ExpiredRowPurge.BATCH), asked);
    }

    @Test
    void aFailedRunIsLoggedNotThrownSoTheScheduleGoesOn() {
        int[] calls = {0};
        long purged = ExpiredRowPurge.run("rows", limit -> {
            if (++calls[0] == 2) {
                throw new IllegalStateException("database gone");
            }
            return limit;
        });
        assertEquals(ExpiredRowPurge.BATCH, purged);
        assertEquals(2, calls[0]);
    }
}
