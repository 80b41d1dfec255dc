package dev.restauth.users.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PasswordsTest {

    /** Made by Python's hashlib, independently: pbkdf2_hmac('sha256', password, salt, 1000). */
    static final String DJANGO_PBKDF2 = "pbkdf2_sha256$1000$NaClNaCl0123$Sxdl1/6vS9/ncB0vwmO1Dy83/aI/G6sHoGqrQEBN9lw=";

    Passwords cut;

    @BeforeEach
    void configure() {
        cut = new Passwords();
        cut.memoryKib = 19456;
        cut.iterations = 2;
        cut.parallelism = 1;
    }

    @Test
    void hashesWithArgon2idAtOwaspParameters() {
        String hash = cut.generate("correct horse".toCharArray());
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(cut.verify("correct horse".toCharArray(), hash));
        assertFalse(cut.verify("correct horsf".toCharArray(), hash));
        assertFalse(cut.needsRehash(hash));
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(cut.generate("same".toCharArray()), cut.generate("same".toCharArray()));
    }

    @Test
    void verifiesDjangoPbkdf2HashesAndAsksForARehash() {
        assertTrue(cut.verify("correct horse battery".toCharArray(), DJANGO_PBKDF2));
        assertFalse(cut.verify("correct horse batterY".toCharArray(), DJANGO_PBKDF2));
        assertTrue(cut.needsRehash(DJANGO_PBKDF2));
    }

    @Test
    void verifiesDjangosArgon2Format() {
        String django = "argon2" + cut.generate("tr0ub4dor".toCharArray());
        assertTrue(cut.verify("tr0ub4dor".toCharArray(), django));
        assertTrue(cut.needsRehash(django));
    }

    @Test
    void hashesAtOtherParametersStillVerifyButNeedARehash() {
        cut.memoryKib = 8192;
        String older = cut.generate("pw".toCharArray());
        cut.memoryKib = 19456;
        assertTrue(cut.verify("pw".toCharArray(), older));
        assertTrue(cut.needsRehash(older));
    }

    @Test
    void unicodePasswordsAreNormalizedBeforeHashing() {
        String composed = "caf\u00e9";
        String decomposed = "cafe\u0301";
        assertTrue(cut.verify(decomposed.toCharArray(), cut.generate(composed.toCharArray())));
    }

    @Test
    void malformedOrUnknownHashesNeverVerify() {
        for (String junk : new String[] {
            null,
            "",
            "plain",
            "$argon2id$v=19$m=x$",
            "$argon2id$v=19$m=1,t=1,p=1$!!$!!",
            "pbkdf2_sha256$abc$salt$hash",
            "md5$salt$hash"
        }) {
            assertFalse(cut.verify("pw".toCharArray(), junk), String.valueOf(junk));
        }
    }

    @Test
    void dummyVerificationIsCounted() {
        long before = cut.dummyVerifications();
        cut.verifyAgainstDummy("whatever".toCharArray());
        assertEquals(before + 1, cut.dummyVerifications());
    }
}
