package dev.restauth.apitokens.entity;

/** An existing DRF key to keep working after a migration; stored hashed like any other. */
public record ImportedKey(String key, String name) {

    @Override
    public String toString() {
        return "ImportedKey[***]";
    }
}
