package dev.restauth.platform;

import static dev.restauth.testsupport.Http.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.RawHttp;
import dev.restauth.testsupport.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops under the running server and comes back: meanwhile answers are 503 with
 * Retry-After (never 401, which would make clients drop valid credentials, never 500), readiness
 * is DOWN and liveness UP; afterwards the server recovers by itself.
 */
class DatabaseOutageIT {

    static final String UNAVAILABLE = "Service temporarily unavailable, try again later.";

    @Test
    void whilePostgresIsDownRequestsAre503AndTheServerRecoversByItself() throws Exception {
        var user = TestUsers.create();
        var pair = TestUsers.login(user);
        PostgresProcesses postgres = PostgresProcesses.ofTheBuild();

        postgres.stop();
        try {
            assertEquals(503, Http.get("/health/ready").statusCode());
            assertEquals(200, Http.get("/health/live").statusCode());

            var basic = Http.get("/api/hello/", "Authorization", user.basic());
            assertJsonError(basic, 503, UNAVAILABLE);
            assertTrue(basic.headers().firstValue("Retry-After").isPresent());
            RawHttp.Answer statusLine =
                    RawHttp.send("GET", "/api/hello/", "Authorization: " + user.basic() + "\r\n", null);
            assertEquals("HTTP/1.1 503 Service Unavailable", statusLine.statusLine(), statusLine.head());

            var login = Http.send(
                    "POST",
                    "/api/token/",
                    "application/json",
                    "{\"username\":\"" + user.username() + "\",\"password\":\"" + user.password() + "\"}");
            assertJsonError(login, 503, UNAVAILABLE);
            assertTrue(login.headers().firstValue("Retry-After").isPresent());

            // Bearer needs the database only when its cached view of the user is stale (5 s).
            int bearer = Http.get("/api/hello/", "Authorization", "Bearer " + pair.access())
                    .statusCode();
            assertTrue(bearer == 200 || bearer == 503, "Bearer during the outage: " + bearer);
        } finally {
            postgres.start();
        }

        PostgresProcesses.awaitReady();
        assertEquals(200, Http.get("/api/hello/", "Authorization", user.basic()).statusCode());
        assertEquals(
                200,
                Http.get(
                                "/api/hello/",
                                "Authorization",
                                "Bearer " + TestUsers.login(user).access())
                        .statusCode());
    }
}
