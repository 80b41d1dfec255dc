package dev.restauth.platform.boundary;

import dev.restauth.errors.boundary.ErrorWriter;
import dev.restauth.errors.control.ApiError;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every request body is read here, in one place, before anyone else sees it: no endpoint takes
 * more than a small JSON document, so a body announced as larger is refused with 413 before it is
 * read, and any other body (chunked or with a Content-Length) is read up to one byte past the limit
 * and handed on from memory ({@link BufferedBody}); past the limit it gets the same 413, so no reader downstream ever
 * streams an unbounded body. A body that cannot be read (an invalid chunk size, a chunked body or
 * a Content-Length cut short) is the client's fault: DRF's 400 "Malformed request.", never the
 * container's 500 for the IOException escaping a filter.
 * The one exception is the Django import, whose dump files are large: its own limit ({@code
 * django.import.max-bytes}) applies to an announced length here, and its resource stops reading a
 * chunked body at that limit while it spools it to disk.
 */
@WebFilter(value = "/*", asyncSupported = true)
public class RequestBodyLimit extends HttpFilter {

    private static final Logger LOG = System.getLogger(RequestBodyLimit.class.getName());
    private static final String TRANSFER_ENCODING = "Transfer-Encoding";

    @Inject
    @ConfigProperty(name = "requests.max-body-bytes", defaultValue = "65536")
    long maxBodyBytes;

    @Inject
    @ConfigProperty(name = "django.import.max-bytes", defaultValue = "268435456")
    long maxImportBytes;

    static final String IMPORT_PATH = "/api/users/import";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getRequestURI().equals(request.getContextPath() + IMPORT_PATH)) {
            if (request.getContentLengthLong() > maxImportBytes) {
                refuse(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, response);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        long announced = request.getContentLengthLong();
        if (announced > maxBodyBytes) {
            refuse(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, response);
            return;
        }
        if (announced <= 0 && request.getHeader(TRANSFER_ENCODING) == null) {
            chain.doFilter(request, response); // no body
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 1, maxBodyBytes) + 1);
        } catch (IOException malformed) {
            LOG.log(Level.DEBUG, "Unreadable request body", malformed);
            refuse(HttpServletResponse.SC_BAD_REQUEST, response);
            return;
        }
        if (body.length > maxBodyBytes) {
            refuse(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, response);
            return;
        }
        if (request.getHeader(TRANSFER_ENCODING) == null && body.length < announced) {
            refuse(HttpServletResponse.SC_BAD_REQUEST, response); // the client stopped short of its Content-Length
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }

    private static void refuse(int status, HttpServletResponse response) {
        ErrorWriter.write(ApiError.ofStatus(status, null, null), response);
    }
}
