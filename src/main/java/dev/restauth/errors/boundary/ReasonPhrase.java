package dev.restauth.errors.boundary;

import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.reflect.Method;

/**
 * The status line's reason phrase. Liberty's HTTP channel has none of its own for some codes (a
 * 429 goes out as "429 Undefined"), and {@code setStatus(int)} always takes the channel's. Servlet
 * 6 dropped {@code setStatus(int, String)} from the API, but Liberty's response still has it: the
 * phrase JAX-RS knows for the status is set through it, on the container's own response (a
 * JAX-RS {@code @Context} proxy does not have the method), as the last status call before the
 * response is committed. Elsewhere (another container, a wrapper without it) only the status is set.
 */
final class ReasonPhrase {

    private static final Logger LOG = System.getLogger(ReasonPhrase.class.getName());

    private ReasonPhrase() {}

    static void set(HttpServletResponse response, int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            for (ServletResponse current = response; current != null; current = unwrapped(current)) {
                try {
                    Method withReason = current.getClass().getMethod("setStatus", int.class, String.class);
                    withReason.invoke(current, status, known.getReasonPhrase());
                    return;
                } catch (NoSuchMethodException notThisOne) {
                    // a wrapper without it: try what it wraps
                } catch (ReflectiveOperationException | RuntimeException refused) {
                    LOG.log(Level.DEBUG, "Could not set the reason phrase", refused);
                    break;
                }
            }
        }
        response.setStatus(status);
    }

    private static ServletResponse unwrapped(ServletResponse response) {
        return response instanceof ServletResponseWrapper wrapper ? wrapper.getResponse() : null;
    }
}
