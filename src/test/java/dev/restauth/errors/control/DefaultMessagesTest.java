package dev.restauth.errors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DefaultMessagesTest {

    @Test
    void methodNotAllowedNamesTheMethodAsDrfDoes() {
        assertEquals("Method \"DELETE\" not allowed.", DefaultMessages.forStatus(405, "DELETE", null));
    }

    @Test
    void unsupportedMediaTypeNamesTheTypeAsDrfDoes() {
        assertEquals(
                "Unsupported media type \"text/plain\" in request.",
                DefaultMessages.forStatus(415, "POST", "text/plain"));
    }

    @Test
    void authenticationAndPermissionFailuresUseDrfsWording() {
        assertEquals("Authentication credentials were not provided.", DefaultMessages.forStatus(401, "GET", null));
        assertEquals("You do not have permission to perform this action.", DefaultMessages.forStatus(403, "GET", null));
        assertEquals("Not found.", DefaultMessages.forStatus(404, "GET", null));
    }

    @Test
    void anyOtherServerFailureIsGeneric() {
        assertEquals("A server error occurred.", DefaultMessages.forStatus(502, "GET", null));
    }
}
