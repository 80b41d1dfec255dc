package dev.restauth.django.control;

import dev.restauth.users.control.Passwords;
import dev.restauth.users.control.UserImports;
import dev.restauth.users.control.UserRequests;
import dev.restauth.users.control.UsernameRules;
import dev.restauth.users.entity.ImportedUser;
import dev.restauth.users.entity.ImportedUser.Result;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One import's users, with their groups as roles ({@link DumpGroups}): checked one by one and
 * written {@link #BATCH} per transaction. Remembers which Django pk and
 * username became which id here, for the DRF keys that come after.
 */
final class UserPass {

    static final int BATCH = 500;

    private final UserImports users;
    private final Set<String> staffRoles;
    private final Set<String> superuserRoles;
    private final ImportTally tally;
    private final boolean dryRun;
    private final DumpGroups groups;
    /** Django user pk or username → id here; -1 for a user a dry run would create. */
    private final Map<Long, Long> idsByPk = new HashMap<>();

    private final Map<String, Long> idsByName = new HashMap<>();
    private final Set<Long> seenPks = new HashSet<>();
    private final Set<String> seenNames = new HashSet<>();
    private final List<ImportedUser> batch = new ArrayList<>(BATCH);
    private final List<DumpRecord.User> batchRecords = new ArrayList<>(BATCH);
    private boolean created;

    UserPass(UserImports users, Set<String> staffRoles, Set<String> superuserRoles, ImportTally tally, boolean dryRun) {
        this.users = users;
        this.staffRoles = staffRoles;
        this.superuserRoles = superuserRoles;
        this.tally = tally;
        this.dryRun = dryRun;
        this.groups = new DumpGroups(tally);
    }

    /** Groups come first: users refer to them. */
    void group(DumpRecord.Group group) {
        groups.add(group);
    }

    void user(DumpRecord.User user) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        String username = UsernameRules.normalize(user.username());
        if (!UsernameRules.isValid(username)) {
            errors.put("username", List.of(UsernameRules.INVALID));
        } else if (UsernameRules.RESERVED.equals(username) || !seenNames.add(username)) {
            errors.put("username", List.of(UserRequests.DUPLICATE));
        }
        if (user.pk() != null && !seenPks.add(user.pk())) {
            errors.put("pk", List.of("Another record in this file has the same pk."));
        }
        String hash = user.password().isEmpty() ? Passwords.UNUSABLE_PREFIX : user.password();
        if (!Passwords.isDjangoHash(hash)) {
            errors.put("password", List.of("Unknown password hashing algorithm."));
        }
        Instant joined = DjangoDates.instant(user.dateJoined(), "date_joined", errors);
        Instant lastLogin = DjangoDates.instant(user.lastLogin(), "last_login", errors);
        Set<String> roles = new TreeSet<>();
        for (DumpRecord.Ref ref : user.groups()) {
            groups.addRole(ref, roles, errors);
        }
        if (user.staff()) {
            roles.addAll(staffRoles);
        }
        if (user.superuser()) {
            roles.addAll(superuserRoles);
        }
        if (!errors.isEmpty()) {
            tally.reject(DumpRecord.USER, user.pk(), user.index(), tally.users, errors);
            return;
        }
        batch.add(new ImportedUser(user.pk(), username, hash, user.active(), joined, lastLogin, roles));
        batchRecords.add(user);
        if (batch.size() == BATCH) {
            flush();
        }
    }

    /** Writes the last batch, and moves the id sequence past imported ids if any were created. */
    void finish() {
        flush();
        if (created && !dryRun) {
            users.adjustIdSequence();
        }
    }

    /** The id here of a user the dump references; -1 for one a dry run would create; null if not imported. */
    Long id(DumpRecord.Ref user) {
        return user.pk() != null ? idsByPk.get(user.pk()) : idsByName.get(UsernameRules.normalize(user.name()));
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        List<Result> results = users.apply(batch, dryRun);
        for (int i = 0; i < results.size(); i++) {
            Result result = results.get(i);
            DumpRecord.User record = batchRecords.get(i);
            if (result.outcome() == ImportedUser.Outcome.CONFLICT) {
                tally.reject(DumpRecord.USER, record.pk(), record.index(), tally.users, "username", result.problem());
                continue;
            }
            tally.users[result.outcome().ordinal()]++;
            created |= result.outcome() == ImportedUser.Outcome.CREATED;
            long id = result.id() == null ? -1 : result.id();
            if (record.pk() != null) {
                idsByPk.put(record.pk(), id);
            }
            idsByName.put(batch.get(i).username(), id);
        }
        batch.clear();
        batchRecords.clear();
    }
}
