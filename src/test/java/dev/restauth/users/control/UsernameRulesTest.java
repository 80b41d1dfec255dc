package dev.restauth.users.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UsernameRulesTest {

    @Test
    void acceptsDjangosCharacters() {
        assertTrue(UsernameRules.isValid("alice.smith+ops@example-1_x"));
        assertTrue(UsernameRules.isValid("jürgen"));
        assertTrue(UsernameRules.isValid("a".repeat(150)));
    }

    @Test
    void refusesWhatCouldNeverBeAUsername() {
        assertFalse(UsernameRules.isValid(null));
        assertFalse(UsernameRules.isValid(""));
        assertFalse(UsernameRules.isValid("a".repeat(151)));
        assertFalse(UsernameRules.isValid("nul\u0000byte"));
        assertFalse(UsernameRules.isValid("x' OR '1'='1"));
        assertFalse(UsernameRules.isValid("with space"));
    }
}
