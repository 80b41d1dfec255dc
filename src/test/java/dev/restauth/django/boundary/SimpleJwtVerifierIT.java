package dev.restauth.django.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testsupport.DjangoDumps;
import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.Jwts;
import dev.restauth.testsupport.TestUsers;
import dev.restauth.testsupport.TestUsers.Credentials;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Services that stay on Django: real SimpleJWT 5.2 (Debian's python3 packages, run by
 * src/test/django/verify-simplejwt.py) configured with our JWKS, audience and issuer accepts our
 * access tokens and refuses tampered ones. Never skipped: without the packages it fails and says
 * what to install (.ci/run installs them).
 */
class SimpleJwtVerifierIT {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path VERIFIER = Path.of("src/test/django/verify-simplejwt.py");

    record Verdict(int exit, JsonObject answer) {}

    @BeforeAll
    static void simpleJwtIsInstalled() throws Exception {
        Process check = new ProcessBuilder(
                        PYTHON.toString(),
                        "-c",
                        "import django, rest_framework, rest_framework_simplejwt, jwt, cryptography")
                .redirectErrorStream(true)
                .start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(
                check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0,
                "This test runs real SimpleJWT: apt-get install python3-django python3-djangorestframework"
                        + " python3-djangorestframework-simplejwt python3-jwt python3-cryptography (.ci/run does). "
                        + output);
    }

    static Verdict verify(String token, String... options) {
        List<String> command =
                new ArrayList<>(List.of(PYTHON.toString(), VERIFIER.toString(), "--server", Http.BASE.toString()));
        command.addAll(List.of(options));
        command.add(token);
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the verifier did not finish");
            return new Verdict(
                    process.exitValue(),
                    Json.createReader(new StringReader(output)).readObject());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A character inside the signature changed (to another base64url character). Not the last
     * one: of an ES256 signature's last character only 2 bits count, so 'A' and 'B' decode alike.
     */
    static String tampered(String jwt) {
        int at = jwt.length() - 5;
        char changed = jwt.charAt(at) == 'A' ? 'B' : 'A';
        return jwt.substring(0, at) + changed + jwt.substring(at + 1);
    }

    @Test
    void simpleJwtAcceptsOurAccessTokenAndRefusesATamperedOne() {
        String access = TestUsers.login(TestUsers.create()).access();
        Verdict accepted = verify(access);
        assertEquals(0, accepted.exit(), accepted.answer().toString());
        assertEquals(
                DjangoDumps.text(Jwts.part(access, 1).get("user_id")),
                DjangoDumps.text(accepted.answer().get("user_id")));

        Verdict refused = verify(tampered(access));
        assertEquals(1, refused.exit(), refused.answer().toString());
        assertEquals(false, refused.answer().getBoolean("valid"));
    }

    @Test
    void simpleJwtRefusesOurRefreshToken() {
        Verdict refused = verify(TestUsers.login(TestUsers.create()).refresh());
        assertEquals(1, refused.exit(), refused.answer().toString());
    }

    @Test
    void jwtAuthenticationFindsAnImportedUserInTheDjangoTableTheImportCameFrom() throws IOException {
        DjangoDumps.Copy dump = DjangoDumps.copy("users-plain.json");
        assertEquals(
                200,
                Http.send(
                                "POST",
                                "/api/users/import",
                                "application/json",
                                dump.json(),
                                "Authorization",
                                TestUsers.ADMIN.basic())
                        .statusCode());
        String password = DjangoDumps.passwords("users").getJsonObject("alice").getString("password");
        String access = TestUsers.login(new Credentials(dump.username("alice"), password))
                .access();
        Path users = Files.createTempFile("django-users-", ".json");
        try {
            Files.writeString(users, dump.json());
            Verdict accepted = verify(access, "--django-users", users.toString());
            assertEquals(0, accepted.exit(), accepted.answer().toString());
            assertEquals(
                    dump.username("alice"),
                    accepted.answer().getJsonObject("django_user").getString("username"));
        } finally {
            Files.deleteIfExists(users);
        }
    }
}
