package dev.restauth.jwt.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PemKeysTest {

    static String pem(byte[] pkcs8) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n";
    }

    @Test
    void readsAP256KeyAndDerivesItsPublicHalf() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair original = generator.generateKeyPair();

        KeyPair cut = PemKeys.es256(pem(original.getPrivate().getEncoded()));

        assertArrayEquals(original.getPublic().getEncoded(), cut.getPublic().getEncoded());
        assertArrayEquals(original.getPrivate().getEncoded(), cut.getPrivate().getEncoded());
    }

    @Test
    void refusesWhatIsNotAP256PrivateKey() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> PemKeys.es256("not a pem"));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        byte[] rsaKey = rsa.generateKeyPair().getPrivate().getEncoded();
        assertThrows(IllegalArgumentException.class, () -> PemKeys.es256(pem(rsaKey)));
        KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new ECGenParameterSpec("secp384r1"));
        byte[] p384Key = p384.generateKeyPair().getPrivate().getEncoded();
        assertThrows(IllegalArgumentException.class, () -> PemKeys.es256(pem(p384Key)));
    }

    @Test
    void aKeyFileThatCannotBeReadIsNamedInTheFailure() {
        String missing = "/nonexistent/" + UUID.randomUUID() + "/key.pem";
        IllegalStateException refused = assertThrows(
                IllegalStateException.class, () -> PemKeys.configured(Optional.empty(), Optional.of(missing)));
        assertEquals("jwt.signing-key.location: cannot read " + missing, refused.getMessage());
    }

    @Test
    void noKeyConfiguredIsNoKey() {
        assertTrue(PemKeys.configured(Optional.of(" "), Optional.empty()).isEmpty());
        assertTrue(PemKeys.configured(Optional.empty(), Optional.empty()).isEmpty());
    }
}
