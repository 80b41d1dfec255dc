package dev.restauth.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CorsPolicyTest {

    static CorsPolicy policy(List<String> origins, boolean credentials) {
        CorsPolicy cut = new CorsPolicy();
        cut.allowedOrigins = Optional.of(origins);
        cut.allowCredentials = credentials;
        cut.allowedMethods = List.of("get", "POST");
        cut.allowedHeaders = List.of("authorization", "content-type");
        cut.maxAge = Duration.ofHours(1);
        cut.exposeHeaders = List.of("WWW-Authenticate");
        cut.init();
        return cut;
    }

    @Test
    void noOriginsMeansOff() {
        CorsPolicy cut = new CorsPolicy();
        cut.allowedOrigins = Optional.empty();
        cut.allowedMethods = List.of("GET");
        cut.allowedHeaders = List.of();
        cut.maxAge = Duration.ZERO;
        cut.exposeHeaders = List.of();
        cut.init();
        assertFalse(cut.enabled());
        assertEquals(Optional.empty(), cut.headersFor("https://app.example", false));
    }

    @ParameterizedTest(name = "{0} with credentials={1}: Allow-Origin {2}")
    @CsvSource({
        "https://app.example, false, https://app.example",
        "https://app.example, true, https://app.example",
        "*, false, *",
    })
    void allowedOriginsAreAnswered(String configured, boolean credentials, String allowOrigin) {
        Map<String, String> headers = policy(List.of(configured), credentials)
                .headersFor("https://app.example", false)
                .orElseThrow();
        assertEquals(allowOrigin, headers.get("Access-Control-Allow-Origin"));
        assertEquals(credentials ? "true" : null, headers.get("Access-Control-Allow-Credentials"));
        assertEquals("WWW-Authenticate", headers.get("Access-Control-Expose-Headers"));
        assertFalse(headers.containsKey("Access-Control-Allow-Methods"), "only preflights approve methods");
    }

    @ParameterizedTest(name = "Origin: \"{0}\"")
    @ValueSource(strings = {"https://evil.example", "http://app.example", "https://app.example:8443", "null", ""})
    void otherOriginsGetNothing(String origin) {
        assertEquals(
                Optional.empty(), policy(List.of("https://app.example"), true).headersFor(origin, false));
    }

    @Test
    void aPreflightApprovesMethodsHeadersAndMaxAge() {
        Map<String, String> headers = policy(List.of("https://app.example"), false)
                .headersFor("https://app.example", true)
                .orElseThrow();
        assertEquals("GET, POST", headers.get("Access-Control-Allow-Methods"));
        assertEquals("authorization, content-type", headers.get("Access-Control-Allow-Headers"));
        assertEquals("3600", headers.get("Access-Control-Max-Age"));
    }

    @Test
    void aWildcardWithCredentialsStopsTheApplication() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> policy(List.of("*"), true));
        assertTrue(refused.getMessage().contains("cors.allow-credentials"), refused.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://app.example/", "app.example", "https://app.example/path", "ftp://app.example"})
    void somethingThatIsNoOriginStopsTheApplication(String configured) {
        assertThrows(IllegalStateException.class, () -> policy(List.of(configured), false));
    }
}
