package dev.restauth.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Users for the black-box tests: each test makes its own, with a unique name, through the API. */
public final class TestUsers {

    public record Credentials(String username, String password) {

        public String basic() {
            return basic(StandardCharsets.UTF_8);
        }

        public String basic(Charset charset) {
            return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(charset));
        }
    }

    public static final Credentials ADMIN = new Credentials(
            System.getProperty("restauth.admin.username", "it-admin"),
            System.getProperty("restauth.admin.password", ""));

    private TestUsers() {}

    /** A JWT pair from {@code POST /api/token/}. */
    public record Pair(String access, String refresh) {}

    public static Pair login(Credentials user) {
        String body = Json.createObjectBuilder()
                .add("username", user.username())
                .add("password", user.password())
                .build()
                .toString();
        var response = Http.send("POST", "/api/token/", "application/json", body);
        assertEquals(200, response.statusCode(), response.body());
        return new Pair(
                Http.json(response).getString("access"), Http.json(response).getString("refresh"));
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    public static Credentials create(String... roles) {
        return createWithPassword("pw-" + UUID.randomUUID(), roles);
    }

    public static Credentials createWithPassword(String password, String... roles) {
        var user = new Credentials(uniqueName("user"), password);
        JsonArrayBuilder roleArray = Json.createArrayBuilder();
        for (String role : roles) {
            roleArray.add(role);
        }
        String body = Json.createObjectBuilder()
                .add("username", user.username())
                .add("password", user.password())
                .add("roles", roleArray)
                .build()
                .toString();
        var response = Http.send("POST", "/api/users/", "application/json", body, "Authorization", ADMIN.basic());
        assertEquals(201, response.statusCode(), response.body());
        return user;
    }

    /** The admin's {@code PATCH /api/users/<username>/} with this JSON body; the answer as it came. */
    public static HttpResponse<String> patch(String username, String json) {
        return Http.send(
                "PATCH", "/api/users/" + username + "/", "application/json", json, "Authorization", ADMIN.basic());
    }
}
