package dev.restauth.platform.boundary;

import dev.restauth.errors.boundary.ErrorWriter;
import dev.restauth.errors.control.ApiError;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * No endpoint takes more than a small JSON document, so a body announced as larger is refused
 * with 413 before anyone reads it. A body that announces no length (chunked) is read here, up to
 * one byte past the limit, and handed on from memory; past the limit it gets the same 413, so no
 * reader downstream ever streams an unbounded body. The one exception is the Django import, whose
 * dump files are large: its own limit ({@code django.import.max-bytes}) applies to an announced
 * length here, and its resource stops reading a chunked body at that limit while it spools it to
 * disk.
 */
@WebFilter(value = "/*", asyncSupported = true)
public class RequestBodyLimit extends HttpFilter {

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
                tooLarge(response);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            tooLarge(response);
            return;
        }
        if (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 1, maxBodyBytes) + 1);
            if (body.length > maxBodyBytes) {
                tooLarge(response);
                return;
            }
            chain.doFilter(new BufferedBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void tooLarge(HttpServletResponse response) {
        ErrorWriter.write(ApiError.ofStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, null, null), response);
    }

    /** The request with its (bounded) body already read. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("The body was already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() throws UnsupportedEncodingException {
            String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), encoding));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
