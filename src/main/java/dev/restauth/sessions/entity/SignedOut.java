package dev.restauth.sessions.entity;

/** dj-rest-auth's answer to a logout. */
public record SignedOut(String detail) {

    public static final SignedOut INSTANCE = new SignedOut("Successfully logged out.");
}
