package dev.restauth.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;

/** The exact answers DRF and SimpleJWT give, asserted once for every test that expects them. */
public final class DrfAnswers {

    public static final String BEARER_CHALLENGE = "Bearer realm=\"api\"";
    public static final String BASIC_CHALLENGE = "Basic realm=\"api\"";
    public static final String TOKEN_CHALLENGE = "Token";
    public static final String NOT_PROVIDED = "Authentication credentials were not provided.";
    public static final String GIVEN_TOKEN_NOT_VALID = "Given token not valid for any token type";

    private DrfAnswers() {}

    /** SimpleJWT on its own endpoints: 401, exactly {@code {"detail": reason, "code": "token_not_valid"}}. */
    public static void assertTokenNotValid(HttpResponse<String> response, String reason) {
        assertEquals(401, response.statusCode(), response.body());
        assertEquals(
                BEARER_CHALLENGE,
                response.headers().firstValue("WWW-Authenticate").orElse(null));
        assertEquals(
                Json.createObjectBuilder()
                        .add("detail", reason)
                        .add("code", "token_not_valid")
                        .build(),
                Http.json(response));
    }

    /** SimpleJWT's answer to a bad access token on a protected resource, and nothing more. */
    public static void assertBearerRejected(HttpResponse<String> response, String reason) {
        assertEquals(401, response.statusCode(), response.body());
        assertEquals(
                BEARER_CHALLENGE,
                response.headers().firstValue("WWW-Authenticate").orElse(null));
        JsonObject body = Http.json(response);
        assertEquals(GIVEN_TOKEN_NOT_VALID, body.getString("detail"));
        assertEquals("token_not_valid", body.getString("code"));
        JsonObject message = body.getJsonArray("messages").getJsonObject(0);
        assertEquals("AccessToken", message.getString("token_class"));
        assertEquals("access", message.getString("token_type"));
        assertEquals(reason, message.getString("message"));
        assertEquals(3, body.size(), body.toString());
    }

    /** A DRF 401 with this detail and this challenge. */
    public static void assertUnauthorized(HttpResponse<String> response, String detail, String challenge) {
        Http.assertJsonError(response, 401, detail);
        assertEquals(
                challenge, response.headers().firstValue("WWW-Authenticate").orElse(null));
    }
}
