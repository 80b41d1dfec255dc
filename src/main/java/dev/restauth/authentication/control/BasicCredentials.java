package dev.restauth.authentication.control;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * HTTP Basic credentials, decoded as DRF's BasicAuthentication does: base64, then UTF-8 with a
 * latin-1 fallback, split on the first colon. Each way it can fail has DRF's message.
 */
public record BasicCredentials(String username, String password) {

    public static final String NO_CREDENTIALS = "Invalid basic header. No credentials provided.";
    public static final String SPACES = "Invalid basic header. Credentials string should not contain spaces.";
    public static final String NOT_BASE64 = "Invalid basic header. Credentials not correctly base64 encoded.";

    /** The outcome of decoding: credentials, or DRF's message for why there are none. */
    public record Decoded(BasicCredentials credentials, String failure) {}

    /** @param parts what followed the scheme in the Authorization header */
    public static Decoded decode(List<String> parts) {
        if (parts.isEmpty()) {
            return new Decoded(null, NO_CREDENTIALS);
        }
        if (parts.size() > 1) {
            return new Decoded(null, SPACES);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(parts.get(0));
        } catch (IllegalArgumentException notBase64) {
            return new Decoded(null, NOT_BASE64);
        }
        String text = utf8OrLatin1(bytes);
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new Decoded(null, NOT_BASE64);
        }
        return new Decoded(new BasicCredentials(text.substring(0, colon), text.substring(colon + 1)), null);
    }

    private static String utf8OrLatin1(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    @Override
    public String toString() {
        return "BasicCredentials[username=" + username + ", password=***]";
    }
}
