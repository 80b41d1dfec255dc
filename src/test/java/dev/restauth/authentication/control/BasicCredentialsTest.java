package dev.restauth.authentication.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    static BasicCredentials.Decoded decode(String header) {
        return BasicCredentials.decode(
                AuthorizationHeader.parse(header).orElseThrow().credentials());
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void splitsOnTheFirstColonOnly() {
        var cut = decode("Basic " + base64("alice:pa:ss:word".getBytes(StandardCharsets.UTF_8)));
        assertNull(cut.failure());
        assertEquals("alice", cut.credentials().username());
        assertEquals("pa:ss:word", cut.credentials().password());
    }

    @Test
    void decodesUtf8() {
        var cut = decode("Basic " + base64("jürgen:grüße".getBytes(StandardCharsets.UTF_8)));
        assertEquals("jürgen", cut.credentials().username());
        assertEquals("grüße", cut.credentials().password());
    }

    @Test
    void fallsBackToLatin1WhenNotUtf8() {
        var cut = decode("Basic " + base64("jürgen:grüße".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("jürgen", cut.credentials().username());
        assertEquals("grüße", cut.credentials().password());
    }

    @Test
    void emptyPasswordIsAllowed() {
        assertEquals(
                "",
                decode("Basic " + base64("alice:".getBytes(StandardCharsets.UTF_8)))
                        .credentials()
                        .password());
    }

    @Test
    void failuresUseDrfsMessages() {
        assertEquals(
                "Invalid basic header. No credentials provided.",
                decode("Basic").failure());
        assertEquals(
                "Invalid basic header. Credentials string should not contain spaces.",
                decode("Basic a b").failure());
        assertEquals(
                "Invalid basic header. Credentials not correctly base64 encoded.",
                decode("Basic !!!").failure());
        assertEquals(
                "Invalid basic header. Credentials not correctly base64 encoded.",
                decode("Basic " + base64("no-colon".getBytes(StandardCharsets.UTF_8)))
                        .failure());
    }

    @Test
    void passwordNeverAppearsInToString() {
        var cut = decode("Basic " + base64("alice:s3cret".getBytes(StandardCharsets.UTF_8)));
        assertEquals(false, cut.credentials().toString().contains("s3cret"));
    }
}
