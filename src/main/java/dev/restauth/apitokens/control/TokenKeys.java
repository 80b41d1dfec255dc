package dev.restauth.apitokens.control;

import dev.restauth.apitokens.entity.ApiToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key format and its digest. Keys look like DRF's: 40 lowercase hex characters (160 random
 * bits). The first {@link #SELECTOR_LENGTH} characters find the row; the digest checks the whole
 * key: HMAC-SHA256 under the pepper, so a stolen table gives neither keys nor a way to test guesses.
 */
@ApplicationScoped
public class TokenKeys {

    static final int SELECTOR_LENGTH = 8;
    private static final int KEY_BYTES = 20;
    /** What DRF accepts as a key is anything; what can be ours (or an imported DRF key) is this. */
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{40}");

    @Inject
    Pepper pepper;

    private final SecureRandom random = new SecureRandom();
    private volatile SecretKeySpec hmacKey;

    TokenKeys() {}

    /** Keys under a pepper given here, not read from the configuration or the database. */
    public TokenKeys(byte[] pepper) {
        this.hmacKey = new SecretKeySpec(pepper, "HmacSHA256");
    }

    public String newKey() {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public static boolean isWellFormed(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    public static String selector(String key) {
        return key.substring(0, SELECTOR_LENGTH);
    }

    public String digest(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hmacKey());
            return HexFormat.of().formatHex(mac.doFinal(key.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * The row among those of one selector whose digest is this one, compared in constant time as
     * anything derived from a secret is.
     */
    public static Optional<ApiToken> matching(List<ApiToken> sameSelector, String digest) {
        byte[] wanted = digest.getBytes(StandardCharsets.US_ASCII);
        return sameSelector.stream()
                .filter(token -> MessageDigest.isEqual(token.digest().getBytes(StandardCharsets.US_ASCII), wanted))
                .findFirst();
    }

    /** Loaded on first use: the pepper may live in the database, which may come up late. */
    private SecretKeySpec hmacKey() {
        SecretKeySpec loaded = hmacKey;
        if (loaded == null) {
            loaded = new SecretKeySpec(pepper.value(), "HmacSHA256");
            hmacKey = loaded;
        }
        return loaded;
    }
}
