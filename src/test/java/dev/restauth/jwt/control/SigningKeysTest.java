package dev.restauth.jwt.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A configured key that cannot sign fails the application's start, before any database is needed. */
class SigningKeysTest {

    SigningKeys cut;

    @BeforeEach
    void wire() {
        cut = new SigningKeys();
        cut.configuredKey = Optional.empty();
        cut.configuredKeyLocation = Optional.empty();
    }

    static String key(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return PemKeysTest.pem(generator.generateKeyPair().getPrivate().getEncoded());
    }

    @Test
    void anUnusableKeyFailsTheStart() throws Exception {
        cut.configuredKey = Optional.of("not a pem");
        assertThrows(IllegalArgumentException.class, () -> cut.onStart(new Object()));
        cut.configuredKey = Optional.of(key("secp384r1"));
        assertThrows(IllegalArgumentException.class, () -> cut.onStart(new Object()));
        cut.configuredKey = Optional.empty();
        cut.configuredKeyLocation = Optional.of("/nonexistent/key.pem");
        assertThrows(IllegalStateException.class, () -> cut.onStart(new Object()));
    }

    @Test
    void aUsableKeyOrNoneStarts() throws Exception {
        assertDoesNotThrow(() -> cut.onStart(new Object()));
        cut.configuredKey = Optional.of(key("secp256r1"));
        assertDoesNotThrow(() -> cut.onStart(new Object()));
    }
}
