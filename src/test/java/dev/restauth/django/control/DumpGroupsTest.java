package dev.restauth.django.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DumpGroupsTest {

    ImportTally tally = new ImportTally();
    DumpGroups cut = new DumpGroups(tally);

    @Test
    void groupsBecomeRolesByPkOrNameAndAnInvalidOnesMembershipIsDropped() {
        cut.add(new DumpRecord.Group(1, 2L, "editors"));
        cut.add(new DumpRecord.Group(2, 3L, "Support Team"));
        Set<String> roles = new TreeSet<>();
        Map<String, List<String>> errors = new HashMap<>();
        cut.addRole(new DumpRecord.Ref(2L, null), roles, errors);
        cut.addRole(new DumpRecord.Ref(null, "editors"), roles, errors);
        cut.addRole(new DumpRecord.Ref(3L, null), roles, errors);
        assertEquals(Set.of("editors"), roles);
        assertEquals(Map.of(), errors);
        assertEquals(1, tally.groups[ImportTally.UNCHANGED]);
        assertEquals(1, tally.groups[ImportTally.REJECTED]);
    }

    @Test
    void aReferenceToNoGroupOfTheDumpIsDrfsError() {
        Map<String, List<String>> errors = new HashMap<>();
        cut.addRole(new DumpRecord.Ref(9L, null), new TreeSet<>(), errors);
        assertEquals(Map.of("groups", List.of("Invalid pk \"9\" - object does not exist.")), errors);
        cut.addRole(new DumpRecord.Ref(null, "nobody"), new TreeSet<>(), errors);
        assertEquals(Map.of("groups", List.of("Object with name=nobody does not exist.")), errors);
    }
}
