package dev.restauth.apitokens.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.apitokens.entity.LiveToken;
import dev.restauth.jwt.control.TestCodecs;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The last use of a token: written at most once a minute, whatever the request rate. */
class TokenUsesTest {

    TestCodecs.MovableClock clock;
    InMemoryApiTokens table;
    TokenUses cut;

    @BeforeEach
    void wire() {
        clock = new TestCodecs.MovableClock();
        table = new InMemoryApiTokens();
        cut = table.tokenUses(clock);
    }

    @Test
    void aUseIsWrittenAtMostOnceAMinute() {
        LiveToken token = table.verifiedKeys(clock, Duration.ofSeconds(10))
                .authenticate(table.issue(7, null))
                .orElseThrow();
        cut.record(token);
        cut.record(token);
        clock.advance(Duration.ofSeconds(59));
        cut.record(token);
        assertEquals(1, table.touches());
        clock.advance(Duration.ofSeconds(2));
        cut.record(token);
        assertEquals(2, table.touches());
    }

    @Test
    void eachTokensUsesAreCountedApart() {
        cut.record(new LiveToken(1, 7));
        cut.record(new LiveToken(2, 7));
        cut.record(new LiveToken(1, 7));
        assertEquals(2, table.touches());
    }
}
