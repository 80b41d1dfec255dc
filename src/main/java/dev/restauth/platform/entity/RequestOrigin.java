package dev.restauth.platform.entity;

/**
 * Where a request came from, as the throttle counts it and the audit log names it: taken on the
 * request's own thread ({@link dev.restauth.platform.control.ClientAddress#origin()}) and handed
 * on explicitly, because work that continues on another thread (a login after its password
 * check) has no request to ask.
 *
 * @param address the client's address, or null outside a request
 * @param requestLine method and path ({@code POST /api/token/}), or null outside a request
 */
public record RequestOrigin(String address, String requestLine) {

    /** Outside any request: startup, schedulers. */
    public static final RequestOrigin NONE = new RequestOrigin(null, null);
}
