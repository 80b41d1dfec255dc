package dev.restauth.apitokens.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.apitokens.entity.ApiToken;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The key format (DRF's: 40 lowercase hex characters) and its peppered digest. */
class TokenKeysTest {

    static final String KEY = "0123456789abcdef0123456789abcdef01234567";

    TokenKeys cut = new TokenKeys(InMemoryApiTokens.PEPPER);

    @Test
    void newKeysLookLikeDrfsAndNeverRepeat() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String key = cut.newKey();
            assertTrue(TokenKeys.isWellFormed(key), key);
            keys.add(key);
        }
        assertEquals(100, keys.size());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "0123456789abcdef0123456789abcdef0123456", // 39
                "0123456789abcdef0123456789abcdef012345678", // 41
                "0123456789ABCDEF0123456789abcdef01234567",
                "0123456789abcdef0123456789abcdef0123456g",
                " 123456789abcdef0123456789abcdef01234567"
            })
    void anythingElseIsNoKeyOfOurs(String key) {
        assertFalse(TokenKeys.isWellFormed(key));
    }

    @Test
    void theSelectorIsTheFirstEightCharacters() {
        assertTrue(TokenKeys.isWellFormed(KEY));
        assertEquals("01234567", TokenKeys.selector(KEY));
    }

    @Test
    void theDigestIsHmacSha256UnderThePepper() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(InMemoryApiTokens.PEPPER, "HmacSHA256"));
        String expected = java.util.HexFormat.of().formatHex(mac.doFinal(KEY.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(expected, cut.digest(KEY));
        assertEquals(64, cut.digest(KEY).length());
        assertEquals(cut.digest(KEY), cut.digest(KEY));
    }

    @Test
    void anotherPepperGivesAnotherDigest() {
        TokenKeys other = new TokenKeys("another pepper, also 32 bytes!!".getBytes(StandardCharsets.UTF_8));
        assertNotEquals(cut.digest(KEY), other.digest(KEY));
    }

    @Test
    void aPepperFromTheConfigurationIsLoadedOnFirstUse() {
        TokenKeys lazy = new TokenKeys();
        lazy.pepper = new Pepper();
        lazy.pepper.configured = java.util.Optional.of(new String(InMemoryApiTokens.PEPPER, StandardCharsets.UTF_8));
        assertEquals(cut.digest(KEY), lazy.digest(KEY));
        lazy.pepper.configured = java.util.Optional.of("changed afterwards");
        assertEquals(cut.digest(KEY), lazy.digest(KEY), "read once, then kept");
    }

    @Test
    void theRowOfASelectorIsTheOneWithTheSameDigest() {
        String other = KEY.substring(0, TokenKeys.SELECTOR_LENGTH) + "f".repeat(40 - TokenKeys.SELECTOR_LENGTH);
        ApiToken first = row(other);
        ApiToken second = row(KEY);

        assertEquals(Optional.of(second), TokenKeys.matching(List.of(first, second), cut.digest(KEY)));
        assertEquals(Optional.empty(), TokenKeys.matching(List.of(first), cut.digest(KEY)));
        assertEquals(Optional.empty(), TokenKeys.matching(List.of(), cut.digest(KEY)));
    }

    private ApiToken row(String key) {
        return new ApiToken(7L, "test", TokenKeys.selector(key), cut.digest(key), Instant.EPOCH, null);
    }
}
