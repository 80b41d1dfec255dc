package dev.restauth.platform.control;

import dev.restauth.platform.entity.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who is calling, as far as the network can tell: the address the throttle counts and the audit
 * log names. DRF's NUM_PROXIES rule: with n trusted proxies in front, the client is the n-th
 * address from the right of X-Forwarded-For; with none (the default) the header is ignored,
 * because any client can write it.
 */
@ApplicationScoped
public class ClientAddress {

    @Inject
    HttpServletRequest request;

    @Inject
    @ConfigProperty(name = "clients.trusted-proxies", defaultValue = "0")
    int trustedProxies;

    /** The current request's client address, or empty outside a request (startup, schedulers). */
    public Optional<String> current() {
        try {
            return Optional.of(of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trustedProxies));
        } catch (RuntimeException noRequest) { // startup or a scheduler thread: there is no request
            return Optional.empty();
        }
    }

    /** The current request's method and path, for the audit log ("POST /api/token/"). */
    public Optional<String> requestLine() {
        try {
            return Optional.of(request.getMethod() + " " + request.getRequestURI());
        } catch (RuntimeException noRequest) { // startup or a scheduler thread: there is no request
            return Optional.empty();
        }
    }

    /**
     * The current request's address and request line, to hand on to work that may finish on
     * another thread: only the request's own thread can read them.
     */
    public RequestOrigin origin() {
        return new RequestOrigin(current().orElse(null), requestLine().orElse(null));
    }

    static String of(String remoteAddress, String forwardedFor, int trustedProxies) {
        if (trustedProxies <= 0 || forwardedFor == null || forwardedFor.isBlank()) {
            return remoteAddress;
        }
        String[] hops = forwardedFor.split(",");
        String client = hops[hops.length - Math.min(trustedProxies, hops.length)].strip();
        return client.isEmpty() ? remoteAddress : client;
    }
}
