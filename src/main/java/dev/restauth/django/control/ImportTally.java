package dev.restauth.django.control;

import dev.restauth.django.entity.Counts;
import dev.restauth.django.entity.ImportReport;
import dev.restauth.django.entity.Rejected;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One import's counts per model (created, updated, unchanged, rejected: the array indexes) and its
 * rejections, listed up to {@link #MAX_LISTED} and counted beyond, so a bad 100,000-record file
 * still gets a bounded report.
 */
final class ImportTally {

    static final int MAX_LISTED = 1000;
    static final int CREATED = 0;
    static final int UPDATED = 1;
    static final int UNCHANGED = 2;
    static final int REJECTED = 3;

    final int[] users = new int[4];
    final int[] groups = new int[4];
    final int[] tokens = new int[4];
    final int[] blacklisted = new int[4];
    private final List<Rejected> rejected = new ArrayList<>();
    private int notListed;

    void reject(String model, Long pk, int index, int[] counts, String field, String message) {
        reject(model, pk, index, counts, Map.of(field, List.of(message)));
    }

    void reject(String model, Long pk, int index, int[] counts, Map<String, List<String>> errors) {
        counts[REJECTED]++;
        if (rejected.size() < MAX_LISTED) {
            rejected.add(new Rejected(model, pk, index, Map.copyOf(errors)));
        } else {
            notListed++;
        }
    }

    ImportReport report(boolean dryRun) {
        return new ImportReport(
                dryRun,
                counts(users),
                counts(groups),
                counts(tokens),
                counts(blacklisted),
                List.copyOf(rejected),
                notListed);
    }

    private static Counts counts(int[] counts) {
        return new Counts(counts[CREATED], counts[UPDATED], counts[UNCHANGED], counts[REJECTED]);
    }
}
