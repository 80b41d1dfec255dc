package dev.restauth.users.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hash in the committed dump, made by real Django 2.2 to 5.2 (src/test/django/README.md),
 * verifies with its user's password as typed and not with a wrong one; the unusable ones never do.
 */
class DjangoHashesTest {

    Passwords cut;

    @BeforeEach
    void configure() {
        cut = new Passwords();
        cut.memoryKib = 19456;
        cut.iterations = 2;
        cut.parallelism = 1;
    }

    static JsonObject resource(String name) {
        try (InputStream in = DjangoHashesTest.class.getResourceAsStream("/django/" + name);
                JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** username → stored hash, from the plain dump. */
    static Map<String, String> hashes() {
        Map<String, String> hashes = new HashMap<>();
        try (InputStream in = DjangoHashesTest.class.getResourceAsStream("/django/users-plain.json");
                JsonReader reader = Json.createReader(in)) {
            for (JsonValue record : reader.readArray()) {
                JsonObject object = record.asJsonObject();
                if ("auth.user".equals(object.getString("model"))) {
                    JsonObject fields = object.getJsonObject("fields");
                    hashes.put(fields.getString("username"), fields.getString("password"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hashes;
    }

    static Stream<Arguments> usablePasswords() {
        Map<String, String> hashes = hashes();
        JsonObject users = resource("passwords.json").getJsonObject("users");
        return users.entrySet().stream()
                .filter(user -> user.getValue().asJsonObject().get("password") instanceof jakarta.json.JsonString)
                .map(user -> Arguments.of(
                        user.getKey(),
                        user.getValue().asJsonObject().getString("hash_algorithm"),
                        user.getValue().asJsonObject().getString("password"),
                        hashes.get(user.getKey())));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("usablePasswords")
    void djangoHashVerifiesThePasswordAsTypedAndAsksForARehash(
            String username, String algorithm, String password, String hash) {
        assertTrue(Passwords.isDjangoHash(hash), username);
        assertTrue(cut.verify(password.toCharArray(), hash), username + " " + algorithm);
        assertFalse(cut.verify((password + "x").toCharArray(), hash), username + " with a wrong password");
        assertTrue(cut.needsRehash(hash));
    }

    @Test
    void unusablePasswordsNeverVerify() {
        String unusable = hashes().get("svc-reports");
        assertTrue(unusable.startsWith("!"));
        assertTrue(Passwords.isDjangoHash(unusable));
        assertFalse(cut.verify("".toCharArray(), unusable));
        assertFalse(cut.verify(unusable.toCharArray(), unusable));
    }

    @Test
    void hashesOfUnknownAlgorithmsAreNotImportable() {
        assertFalse(Passwords.isDjangoHash("md5$salt$0123456789abcdef"));
        assertFalse(Passwords.isDjangoHash("sha1$salt$0123"));
        assertFalse(Passwords.isDjangoHash(""));
    }

    @Test
    void parametersBeyondAnyDjangoVersionAreRefusedWithoutHashing() {
        assertFalse(cut.verify("pw".toCharArray(), "pbkdf2_sha256$2000000000$salt$AAAA"));
        assertFalse(cut.verify("pw".toCharArray(), "scrypt$1073741824$salt$8$1$AAAA"));
        assertFalse(cut.verify("pw".toCharArray(), "argon2$argon2id$v=19$m=100000000,t=2,p=1$c2FsdHNhbHQ$AAAA"));
    }
}
