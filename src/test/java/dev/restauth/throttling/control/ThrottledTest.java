package dev.restauth.throttling.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ThrottledTest {

    @Test
    void answersLikeDrfWithRetryAfter() {
        Throttled throttled = new Throttled(12);
        assertEquals(429, throttled.status());
        assertEquals(
                "Request was throttled. Expected available in 12 seconds.",
                throttled.body().detail());
        assertEquals("12", throttled.headers().get("Retry-After"));
    }

    @Test
    void oneSecondIsSingular() {
        assertEquals("Request was throttled. Expected available in 1 second.", Throttled.detail(1));
    }
}
