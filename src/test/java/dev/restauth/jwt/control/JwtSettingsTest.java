package dev.restauth.jwt.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The settings' derived values: a bounded skew and the longest token lifetime. */
class JwtSettingsTest {

    @ParameterizedTest
    @CsvSource({"PT0S, 0", "PT30S, 30", "PT60S, 60", "PT61S, 60", "PT1H, 60"})
    void theClockSkewIsNeverMoreThanAMinute(Duration configured, int seconds) {
        JwtSettings cut = TestCodecs.settings();
        cut.clockSkew = configured;
        assertEquals(seconds, cut.clockSkewSeconds());
    }

    @ParameterizedTest
    @CsvSource({"PT5M, P1D, P1D", "P2D, P1D, P2D", "PT1H, PT1H, PT1H"})
    void theLongestLifetimeIsTheLongerOfTheTwo(Duration access, Duration refresh, Duration longest) {
        JwtSettings cut = TestCodecs.settings();
        cut.accessLifetime = access;
        cut.refreshLifetime = refresh;
        assertEquals(longest, cut.longestLifetime());
        assertEquals(access, cut.accessLifetime());
        assertEquals(refresh, cut.refreshLifetime());
    }
}
