package dev.restauth.jwt.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reading a verified token's claims and header, whatever shape the parser hands them over in. */
public final class Claims {

    private Claims() {}

    /** A claim as text, whether the parser hands it over as a String or as a JSON value. */
    public static String text(JsonWebToken jwt, String claim) {
        Object value = jwt.getClaim(claim);
        if (value instanceof JsonString json) {
            return json.getString();
        }
        return value == null ? null : value.toString();
    }

    /**
     * The token's {@code user_id}, or -1 when it holds none we could have issued: a JSON number as
     * issued now, or the digits in a string as issued before (such tokens live out their lifetime).
     */
    public static long userId(JsonWebToken jwt) {
        try {
            return Long.parseLong(text(jwt, "user_id"));
        } catch (NumberFormatException notOurs) {
            return -1;
        }
    }

    /** The {@code typ} header of a token whose signature (over the header) was verified. */
    static String typHeader(String token) {
        return header(token).getString("typ", null);
    }

    /** The {@code kid} header of any token, verified or not; null if it has none or no header. */
    static String kidHeader(String token) {
        try {
            return header(token).getString("kid", null);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static JsonObject header(String token) {
        String header = new String(
                Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
        try (JsonReader reader = Json.createReader(new StringReader(header))) {
            return reader.readObject();
        }
    }
}
