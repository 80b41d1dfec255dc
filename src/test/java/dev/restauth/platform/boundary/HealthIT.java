package dev.restauth.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.testsupport.Http;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class HealthIT {

    @Test
    void liveIsUp() {
        var response = Http.get("/health/live");
        assertEquals(200, response.statusCode());
        assertEquals("UP", Http.json(response).getString("status"));
    }

    @Test
    void readyIsUpBecauseTheDatabaseIsMigratedAndReachable() {
        var response = Http.get("/health/ready");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject database = Http.json(response).getJsonArray("checks").stream()
                .map(check -> check.asJsonObject())
                .filter(check -> "database".equals(check.getString("name")))
                .findFirst()
                .orElseThrow();
        assertEquals("UP", database.getString("status"));
        assertEquals(true, database.getJsonObject("data").getBoolean("migrated"));
        assertEquals(true, database.getJsonObject("data").getBoolean("reachable"));
    }
}
