package dev.restauth.django.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.django.entity.Counts;
import dev.restauth.django.entity.ImportReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportTallyTest {

    @Test
    void rejectionsAreListedUpToTheLimitAndCountedBeyond() {
        ImportTally cut = new ImportTally();
        for (int i = 1; i <= ImportTally.MAX_LISTED + 5; i++) {
            cut.reject(DumpRecord.USER, (long) i, i, cut.users, "username", "taken");
        }
        cut.users[ImportTally.CREATED] += 2;
        cut.blacklisted[ImportTally.UNCHANGED]++;
        ImportReport report = cut.report(true);
        assertEquals(new Counts(2, 0, 0, ImportTally.MAX_LISTED + 5), report.users());
        assertEquals(new Counts(0, 0, 1, 0), report.blacklistedTokens());
        assertEquals(ImportTally.MAX_LISTED, report.rejected().size());
        assertEquals(5, report.rejectedNotListed());
        assertEquals(
                Map.of("username", List.of("taken")), report.rejected().get(0).errors());
    }
}
