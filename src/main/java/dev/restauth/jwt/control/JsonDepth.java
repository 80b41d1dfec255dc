package dev.restauth.jwt.control;

import java.util.Base64;

/**
 * Refuses a token whose header or claims nest JSON deeper than any real token does, before a JSON
 * parser sees it: SmallRye wraps claims recursively and ten thousand nested arrays overflow the
 * stack (a 500 instead of a 401). Only a correctly signed token reaches that code, so this is
 * defence in depth against a leaked or misused key, at the cost of one pass over a few hundred
 * bytes.
 */
final class JsonDepth {

    /** Our tokens nest two levels (an object holding arrays); leave room for other issuers' claims. */
    static final int MAX = 16;

    private JsonDepth() {}

    /** False when the first two segments decode to JSON nested deeper than {@link #MAX}. */
    static boolean acceptable(String token) {
        int end = 0;
        for (int segment = 0; segment < 2; segment++) {
            int start = end;
            end = token.indexOf('.', start);
            if (end < 0) {
                return true; // not a JWS; the parser refuses it with the usual message
            }
            byte[] json;
            try {
                json = Base64.getUrlDecoder().decode(token.substring(start, end));
            } catch (IllegalArgumentException notBase64) {
                return true; // likewise
            }
            if (depth(json) > MAX) {
                return false;
            }
            end++;
        }
        return true;
    }

    static int depth(byte[] json) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '[' || b == '{') {
                deepest = Math.max(deepest, ++depth);
            } else if (b == ']' || b == '}') {
                depth--;
            }
        }
        return deepest;
    }
}
