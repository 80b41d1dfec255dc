package dev.restauth.jwt.entity;

/** The answer to a refresh when rotation is off: only a new access token, as SimpleJWT's default. */
public record AccessToken(String access) {

    @Override
    public String toString() {
        return "AccessToken[***]";
    }
}
