package dev.restauth.django.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restauth.errors.control.ApiError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DumpRecordTest {

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void readsAPlainUserWithItsPkAndGroupPks() {
        DumpRecord cut = DumpRecord.of(
                1,
                json("{\"model\": \"auth.user\", \"pk\": 7, \"fields\": {\"username\": \"erin\", \"password\": \"!x\","
                        + " \"is_active\": false, \"is_staff\": true, \"groups\": [2, 3], \"last_login\": null}}"));
        DumpRecord.User user = (DumpRecord.User) cut;
        assertEquals(7L, user.pk());
        assertEquals(false, user.active());
        assertEquals(true, user.staff());
        assertNull(user.lastLogin());
        assertEquals(List.of(new DumpRecord.Ref(2L, null), new DumpRecord.Ref(3L, null)), user.groups());
    }

    @Test
    void readsNaturalKeysWithoutPks() {
        DumpRecord.User user = (DumpRecord.User) DumpRecord.of(
                1,
                json("{\"model\": \"auth.user\", \"fields\": {\"username\": \"alice\", \"password\": \"!x\","
                        + " \"groups\": [[\"editors\"]]}}"));
        assertNull(user.pk());
        assertEquals(List.of(new DumpRecord.Ref(null, "editors")), user.groups());
        DumpRecord.Token token = (DumpRecord.Token) DumpRecord.of(
                2, json("{\"model\": \"authtoken.token\", \"pk\": \"k\", \"fields\": {\"user\": [\"alice\"]}}"));
        assertEquals(new DumpRecord.Ref(null, "alice"), token.user());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no fields         | {\"model\": \"auth.user\"}",
                "unknown model     | {\"model\": \"admin.logentry\", \"fields\": {}}",
                "pk not a number   | {\"model\": \"auth.group\", \"pk\": \"1\", \"fields\": {\"name\": \"x\"}}",
                "negative pk       | {\"model\": \"auth.group\", \"pk\": -1, \"fields\": {\"name\": \"x\"}}",
                "name not text     | {\"model\": \"auth.group\", \"pk\": 1, \"fields\": {\"name\": 5}}",
                "groups not a list | {\"model\": \"auth.user\", \"fields\": {\"username\": \"a\", \"password\": \"!\", \"groups\": 1}}",
                "token without key | {\"model\": \"authtoken.token\", \"fields\": {\"user\": 1}}",
            })
    void wrongShapesAreA400ForTheWholeFile(String what, String record) {
        ApiError error = assertThrows(ApiError.class, () -> DumpRecord.of(3, json(record)));
        assertEquals(400, error.status(), what);
    }

    @Test
    void readsRecordsOneByOneAndRefusesWhatIsNotAList() throws Exception {
        Path file = Files.createTempFile("dump", ".json");
        try {
            Files.writeString(file, "[{\"a\": 1}, {\"b\": 2}]");
            List<Integer> seen = new ArrayList<>();
            DumpReader.read(file, (index, record) -> seen.add(index));
            assertEquals(List.of(1, 2), seen);
            for (String bad : List.of("{}", "[1]", "[{}] []", "", "[{\"a\": ")) {
                Files.writeString(file, bad);
                assertEquals(
                        400,
                        assertThrows(ApiError.class, () -> DumpReader.read(file, (index, record) -> {}))
                                .status(),
                        bad);
            }
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void djangoDatetimesWithAndWithoutAZone() {
        Map<String, List<String>> errors = new HashMap<>();
        assertEquals(
                Instant.parse("2024-10-30T17:45:12.987Z"),
                DjangoDates.instant("2024-10-30T17:45:12.987Z", "f", errors));
        assertEquals(
                Instant.parse("2019-03-04T08:15:00Z"), DjangoDates.instant("2019-03-04T09:15:00+01:00", "f", errors));
        assertEquals(Instant.parse("2019-03-04T09:15:00Z"), DjangoDates.instant("2019-03-04T09:15:00", "f", errors));
        assertEquals(Map.of(), errors);
        DjangoDates.instant("yesterday", "date_joined", errors);
        assertEquals(Set.of("date_joined"), errors.keySet());
    }

    @Test
    void roleSettingsAreCommaSeparated() {
        assertEquals(Set.of("admin", "staff"), DjangoImport.roles(" admin, staff,,"));
        assertEquals(Set.of(), DjangoImport.roles(""));
    }
}
