package dev.restauth.users.control;

import dev.restauth.users.entity.ImportedUser;
import dev.restauth.users.entity.ImportedUser.Outcome;
import dev.restauth.users.entity.ImportedUser.Result;
import dev.restauth.users.entity.TokensRevoked;
import dev.restauth.users.entity.User;
import dev.restauth.users.entity.UserChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Users imported from another system, a batch per transaction. Ids are kept, so new rows are
 * inserted with SQL ({@link ImportedRows}); the identity sequence is moved past them afterwards. A
 * user found by the same id and username is compared and updated; an id or a username held by
 * someone else is a conflict, never merged. A stored hash is replaced only while it is still an
 * imported one: a user who logged in since has the same password, rehashed to Argon2id, and a
 * re-import must not undo that.
 */
@ApplicationScoped
@Transactional
public class UserImports {

    @Inject
    ImportedRows rows;

    @Inject
    Event<UserChanged> changed;

    @Inject
    Event<TokensRevoked> tokensRevoked;

    @Inject
    Clock clock;

    /** Applies (or, with {@code dryRun}, only assesses) a batch; one result per user, in order. */
    public List<Result> apply(List<ImportedUser> batch, boolean dryRun) {
        Map<Long, User> byId = new HashMap<>();
        Map<String, User> byName = new HashMap<>();
        rows.existing(batch).forEach(user -> {
            byId.put(user.id(), user);
            byName.put(user.username(), user);
        });
        Instant now = clock.instant();
        List<Result> results = new ArrayList<>(batch.size());
        for (ImportedUser imported : batch) {
            User sameName = byName.get(imported.username());
            User existing = imported.id() == null ? sameName : byId.get(imported.id());
            if (existing != null && !existing.username().equals(imported.username())) {
                results.add(new Result(
                        Outcome.CONFLICT, null, "A user with this id already exists: " + existing.username() + "."));
            } else if (existing == null && sameName != null) {
                results.add(new Result(Outcome.CONFLICT, null, UserRequests.DUPLICATE));
            } else if (existing == null) {
                Long id = dryRun ? imported.id() : rows.insert(imported, clock.instant());
                results.add(new Result(Outcome.CREATED, id, null));
            } else {
                boolean differs =
                        dryRun ? imported.differsFrom(existing, isImported(existing)) : update(existing, imported, now);
                results.add(new Result(differs ? Outcome.UPDATED : Outcome.UNCHANGED, existing.id(), null));
            }
        }
        return results;
    }

    /** Moves the id sequence past the largest id, so that users created later never collide. */
    public void adjustIdSequence() {
        rows.adjustIdSequence();
    }

    private boolean update(User existing, ImportedUser imported, Instant now) {
        boolean hashReplaceable = isImported(existing);
        boolean newPassword = hashReplaceable && !existing.passwordHash().equals(imported.passwordHash());
        boolean deactivated = existing.isActive() && !imported.active();
        if (!imported.applyTo(existing, hashReplaceable, now)) {
            return false;
        }
        changed.fire(new UserChanged(existing.id()));
        if (newPassword) {
            tokensRevoked.fire(new TokensRevoked(existing.id(), TokensRevoked.Reason.PASSWORD_CHANGED));
        } else if (deactivated) {
            tokensRevoked.fire(new TokensRevoked(existing.id(), TokensRevoked.Reason.DEACTIVATED));
        }
        return true;
    }

    /** A hash this server did not make: replaced by the source's until the user's next login. */
    private static boolean isImported(User user) {
        return Passwords.isDjangoHash(user.passwordHash());
    }
}
