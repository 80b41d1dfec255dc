package dev.restauth.throttling.control;

import dev.restauth.errors.control.ApiError;
import dev.restauth.errors.entity.ErrorBody;
import java.util.Map;

/** DRF's answer to a throttled request: 429, how long to wait in the body and in Retry-After. */
public class Throttled extends ApiError {

    public Throttled(long waitSeconds) {
        super(429, new ErrorBody(detail(waitSeconds)), Map.of("Retry-After", Long.toString(waitSeconds)));
    }

    /** DRF's wording, singular for one second. */
    static String detail(long waitSeconds) {
        return "Request was throttled. Expected available in " + waitSeconds
                + (waitSeconds == 1 ? " second." : " seconds.");
    }
}
