package dev.restauth.apitokens.entity;

/** An existing DRF key to keep working after a migration; stored hashed like any other. */
public record ImportedKey(String key, String name) {

    /** What a bulk import did, or would do, with one key. */
    public enum Outcome {
        CREATED,
        /** The user already has this key. */
        UNCHANGED,
        /** Another user has this key: reported, never moved. */
        CONFLICT
    }

    @Override
    public String toString() {
        return "ImportedKey[***]";
    }
}
