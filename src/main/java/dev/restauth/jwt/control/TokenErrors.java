package dev.restauth.jwt.control;

import dev.restauth.errors.control.ApiError;
import dev.restauth.errors.entity.ErrorBody;
import java.util.List;

/** SimpleJWT's failures, word for word, each a 401 with {@code WWW-Authenticate: Bearer realm="api"}. */
public final class TokenErrors {

    public static final String CHALLENGE = "Bearer realm=\"api\"";
    static final String TOKEN_NOT_VALID = "token_not_valid";
    static final String BLACKLISTED = "Token is blacklisted";

    private TokenErrors() {}

    /** The token endpoints: {@code {"detail": reason, "code": "token_not_valid"}}. */
    public static ApiError tokenNotValid(String reason) {
        return unauthorized(new ErrorBody(reason, TOKEN_NOT_VALID));
    }

    public static ApiError noActiveAccount() {
        return unauthorized(new ErrorBody("No active account found with the given credentials"));
    }

    public static ApiError noActiveAccountForToken() {
        return unauthorized(new ErrorBody("No active account found for the given token."));
    }

    /** A protected resource given a bad access token. */
    public static ErrorBody notValidForAnyTokenType(String reason) {
        return new ErrorBody(
                "Given token not valid for any token type",
                TOKEN_NOT_VALID,
                List.of(new ErrorBody.TokenMessage("AccessToken", TokenCodec.ACCESS, reason)));
    }

    private static ApiError unauthorized(ErrorBody body) {
        return ApiError.unauthorized(body, CHALLENGE);
    }
}
