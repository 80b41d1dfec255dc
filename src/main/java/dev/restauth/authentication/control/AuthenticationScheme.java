package dev.restauth.authentication.control;

import dev.restauth.authentication.entity.Caller;
import java.util.List;

/**
 * One {@code Authorization} scheme, the part DRF's BaseAuthentication plays: a CDI bean living
 * with the component that owns the credential. The mechanism finds the scheme by the header's
 * first word and hands it the rest; {@code authentication.schemes} says which are on, and in
 * which order.
 */
public interface AuthenticationScheme {

    /** The scheme's name in the header (matched ignoring case), in the configuration and annotations. */
    String name();

    /** The {@code WWW-Authenticate} value of this scheme's 401s. */
    String challenge();

    /**
     * The caller these credentials prove.
     *
     * @param credentials what followed the scheme's name, split on whitespace as DRF splits it
     * @throws dev.restauth.errors.control.ApiError why not: a 401 with this scheme's message and
     *     challenge, or whatever else stopped the check (429 throttled, 503 unavailable)
     */
    Caller authenticate(List<String> credentials);
}
