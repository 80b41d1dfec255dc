package dev.restauth.django.control;

import dev.restauth.users.control.UserRequests;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dump's groups, which are not stored: their names become roles of their members. A group
 * whose name is no valid role is rejected, and memberships in it are dropped.
 */
final class DumpGroups {

    private final ImportTally tally;
    private final Map<Long, String> namesByPk = new HashMap<>();
    private final Set<String> names = new HashSet<>();
    private final Set<String> invalid = new HashSet<>();

    DumpGroups(ImportTally tally) {
        this.tally = tally;
    }

    void add(DumpRecord.Group group) {
        if (!UserRequests.isValidRole(group.name())) {
            invalid.add(group.name());
            tally.reject(DumpRecord.GROUP, group.pk(), group.index(), tally.groups, "name", UserRequests.INVALID_ROLE);
        } else {
            tally.groups[ImportTally.UNCHANGED]++;
        }
        if (group.pk() != null) {
            namesByPk.put(group.pk(), group.name());
        }
        names.add(group.name());
    }

    /**
     * Adds the role a user's group reference stands for; a reference to no group of the dump is
     * DRF's error under {@code groups}; a rejected group's membership is dropped (its rejection says why).
     */
    void addRole(DumpRecord.Ref ref, Set<String> roles, Map<String, List<String>> errors) {
        String name = ref.pk() != null ? namesByPk.get(ref.pk()) : ref.name();
        if (name == null || (ref.pk() == null && !names.contains(name))) {
            errors.put(
                    "groups",
                    List.of(
                            ref.pk() != null
                                    ? "Invalid pk \"" + ref.pk() + "\" - object does not exist."
                                    : "Object with name=" + ref.name() + " does not exist."));
        } else if (!invalid.contains(name)) {
            roles.add(name);
        }
    }
}
