package dev.restauth.errors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DRF's default message for every status the container may raise. */
class DefaultMessagesTableTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "400| Malformed request.",
                "406| Could not satisfy the request Accept header.",
                "413| Request body too large.",
                "503| Service temporarily unavailable, try again later.",
                "409| Request failed.",
                "499| Request failed.",
                "500| A server error occurred.",
                "501| A server error occurred."
            })
    void eachStatusReadsAsDrfWouldSayIt(int status, String message) {
        assertEquals(message, DefaultMessages.forStatus(status, "GET", null));
    }

    @Test
    void anUnsupportedMediaTypeWithoutContentTypeNamesNone() {
        assertEquals("Unsupported media type \"\" in request.", DefaultMessages.forStatus(415, "POST", null));
    }

    @Test
    void anErrorOfAStatusCarriesItsDefaultMessageAndExtraHeaders() {
        ApiError cut = ApiError.ofStatus(405, "PATCH", null).withHeader("Allow", "GET, POST");
        assertEquals(405, cut.status());
        assertEquals("Method \"PATCH\" not allowed.", cut.body().detail());
        assertEquals(Map.of("Allow", "GET, POST"), cut.headers());
        assertEquals(405, cut.getResponse().getStatus());
    }

    @Test
    void aChallengeGoesIntoWwwAuthenticate() {
        ApiError cut = ApiError.unauthorized("Invalid token.", "Token");
        assertEquals(401, cut.status());
        assertEquals("Invalid token.", cut.body().detail());
        assertEquals(Map.of("WWW-Authenticate", "Token"), cut.headers());
    }
}
