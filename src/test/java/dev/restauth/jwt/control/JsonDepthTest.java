package dev.restauth.jwt.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JsonDepthTest {

    @Test
    void countsNestingOutsideStringsOnly() {
        assertEquals(1, JsonDepth.depth(bytes("{\"a\":\"[[[{{{\\\"[[\"}")));
        assertEquals(3, JsonDepth.depth(bytes("{\"a\":[{\"b\":1}],\"c\":[2]}")));
    }

    @Test
    void ourTokensPassAndDeepNestingDoesNot() {
        String header = segment("{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"k\"}");
        String claims = segment("{\"sub\":\"alice\",\"groups\":[\"admin\"],\"aud\":[\"restauth\"]}");
        assertTrue(JsonDepth.acceptable(header + "." + claims + ".sig"));
        String deep = segment("{\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}");
        assertFalse(JsonDepth.acceptable(header + "." + deep + ".sig"));
        assertFalse(JsonDepth.acceptable(deep + "." + claims + ".sig"));
    }

    @Test
    void leavesMalformedTokensToTheParser() {
        assertTrue(JsonDepth.acceptable("no-dots"));
        assertTrue(JsonDepth.acceptable("!!!.???.sig"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String segment(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(json));
    }
}
