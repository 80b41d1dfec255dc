package dev.restauth.audit.control;

import dev.restauth.audit.entity.AuditEvent.Type;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts events that repeat one another, in bounded memory, so that a flood of them costs one log
 * line now and a count later instead of a line each. The first event of a kind is reported at once
 * ({@link #first} is true) and its repeats are counted until {@link #drain}; a kind that did not
 * repeat since the last drain is forgotten, so its next event is a first again.
 *
 * <p>At most {@code maxKinds} kinds are tracked: events of further kinds (a flood from more
 * clients than that) are not reported one by one but counted per event type. Memory is the bound
 * times a few hundred bytes, whatever the flood. Nothing is sampled: every event is either
 * reported or counted, exactly, also under concurrency.
 *
 * <p>A bounded map that refuses new kinds rather than a Caffeine cache: evicting a kind would
 * report its count early and let its next event be a first again, so a flood from many clients
 * would still write two lines per event.
 */
final class Repeats {

    /** What makes two events the same: their type, account, client and reason. */
    record Kind(Type type, String username, String client, String detail) {}

    /**
     * Repeats of one kind since the last drain; or, {@code untracked}, events of every kind beyond
     * the bound, of one type (the kind then names the type only).
     */
    record Count(Kind kind, long repeats, boolean untracked) {}

    private final int maxKinds;
    private final Map<Kind, Tally> tallies = new ConcurrentHashMap<>();
    private final Map<Type, LongAdder> untracked = new EnumMap<>(Type.class);

    Repeats(int maxKinds) {
        this.maxKinds = maxKinds;
        for (Type type : Type.values()) {
            untracked.put(type, new LongAdder());
        }
    }

    /** True if this is the first event of its kind (report it); false if it was counted. */
    boolean first(Kind kind) {
        while (true) {
            Tally tally = tallies.get(kind);
            if (tally == null) {
                if (tallies.size() >= maxKinds) {
                    untracked.get(kind.type()).increment();
                    return false;
                }
                tally = tallies.putIfAbsent(kind, new Tally());
                if (tally == null) {
                    return true;
                }
            }
            if (tally.increment()) {
                return false;
            }
            tallies.remove(kind, tally); // retired by a drain meanwhile: start the kind afresh
        }
    }

    /**
     * The repeats counted since the last drain, per kind, and per type for the untracked ones; the
     * counters start again from zero. Kinds without repeats are forgotten.
     */
    List<Count> drain() {
        List<Count> counts = new ArrayList<>();
        tallies.forEach((kind, tally) -> {
            long repeats = tally.drain();
            if (repeats > 0) {
                counts.add(new Count(kind, repeats, false));
            } else if (tally.retire()) {
                tallies.remove(kind, tally);
            }
        });
        untracked.forEach((type, adder) -> {
            long repeats = adder.sumThenReset();
            if (repeats > 0) {
                counts.add(new Count(new Kind(type, null, null, null), repeats, true));
            }
        });
        return counts;
    }

    int tracked() {
        return tallies.size();
    }

    /** A counter that can be retired: once retired it refuses increments, so none is lost. */
    private static final class Tally {
        private static final long RETIRED = -1;
        private final AtomicLong count = new AtomicLong();

        boolean increment() {
            long current;
            do {
                current = count.get();
                if (current == RETIRED) {
                    return false;
                }
            } while (!count.compareAndSet(current, current + 1));
            return true;
        }

        long drain() {
            long current;
            do {
                current = count.get();
                if (current <= 0) {
                    return 0;
                }
            } while (!count.compareAndSet(current, 0));
            return current;
        }

        boolean retire() {
            return count.compareAndSet(0, RETIRED);
        }
    }
}
