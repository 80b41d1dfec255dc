package dev.restauth.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * The committed Django dumps (src/test/resources/django/, made by real Django), as a test can
 * import them into the shared server without meeting another test's users: every username gets
 * this copy's suffix, every user pk this copy's offset, every DRF key a fresh value. Hashes, flags,
 * dates, groups and the record order stay as Django wrote them. {@code "me"} stays itself (it is
 * refused anyway). The maps give each original name, pk and key its copy's.
 */
public final class DjangoDumps {

    private static final SecureRandom RANDOM = new SecureRandom();

    public record Copy(String json, Map<String, String> usernames, Map<Long, Long> ids, Map<String, String> keys) {

        public String username(String original) {
            return usernames.getOrDefault(original, original);
        }
    }

    private DjangoDumps() {}

    public static JsonObject resource(String name) {
        return read(name).asJsonObject();
    }

    /** {@code passwords.json}'s users: name → pk, password, token, django_login_ok, … */
    public static JsonObject passwords(String section) {
        return resource("passwords.json").getJsonObject(section);
    }

    /** A committed file as it is, e.g. {@code "users-plain.json"}. */
    public static String file(String name) {
        try (InputStream in = DjangoDumps.class.getResourceAsStream("/django/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Copy copy(String name) {
        String suffix = "-" + UUID.randomUUID().toString().substring(0, 8);
        long offset = 1_000_000_000L + (RANDOM.nextInt(1_000_000) * 10_000L);
        Map<String, String> usernames = new HashMap<>();
        Map<Long, Long> ids = new HashMap<>();
        Map<String, String> keys = new HashMap<>();
        JsonArrayBuilder records = Json.createArrayBuilder();
        for (JsonValue value : read(name).asJsonArray()) {
            JsonObject record = value.asJsonObject();
            JsonObjectBuilder copy = Json.createObjectBuilder(record);
            JsonObject fields = record.getJsonObject("fields");
            JsonObjectBuilder newFields = Json.createObjectBuilder(fields);
            switch (record.getString("model")) {
                case "auth.user" -> {
                    String username = fields.getString("username");
                    String renamed = "me".equals(username) ? username : username + suffix;
                    usernames.put(username, renamed);
                    newFields.add("username", renamed);
                    if (record.get("pk") instanceof JsonNumber pk) {
                        ids.put(pk.longValue(), pk.longValue() + offset);
                        copy.add("pk", pk.longValue() + offset);
                    }
                }
                case "authtoken.token" -> {
                    String key = fresh();
                    keys.put(record.getString("pk"), key);
                    copy.add("pk", key);
                    JsonValue user = fields.get("user");
                    if (user instanceof JsonNumber pk) {
                        newFields.add("user", pk.longValue() + offset);
                    } else {
                        String username = user.asJsonArray().getString(0);
                        newFields.add("user", Json.createArrayBuilder().add(username + suffix));
                    }
                }
                default -> {}
            }
            copy.add("fields", newFields);
            records.add(copy);
        }
        return new Copy(write(records.build(), !name.contains("compact")), usernames, ids, keys);
    }

    public static String fresh() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static JsonValue read(String name) {
        try (InputStream in = DjangoDumps.class.getResourceAsStream("/django/" + name);
                JsonReader reader = Json.createReader(in)) {
            return reader.readValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(JsonArray records, boolean indented) {
        StringWriter out = new StringWriter();
        Map<String, Object> config = indented ? Map.of(JsonGenerator.PRETTY_PRINTING, true) : Map.of();
        try (JsonWriter writer = Json.createWriterFactory(config).createWriter(out)) {
            writer.writeArray(records);
        }
        return out.toString();
    }

    /** A claim that may be a number or a string ({@code user_id}), as its text. */
    public static String text(JsonValue claim) {
        return claim instanceof JsonString string ? string.getString() : claim.toString();
    }
}
