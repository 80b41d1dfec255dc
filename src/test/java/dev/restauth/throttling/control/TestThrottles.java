package dev.restauth.throttling.control;

/** A {@link LoginThrottle} switched off, as {@code throttle.enabled=false} does: no database needed. */
public final class TestThrottles {

    private TestThrottles() {}

    public static LoginThrottle off() {
        LoginThrottle throttle = new LoginThrottle();
        throttle.enabled = false;
        return throttle;
    }
}
