package dev.restauth.platform.boundary;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The request with its (bounded) body already read by {@link RequestBodyLimit}, from then on a
 * plain body of known length: a Content-Length of what was read, no Transfer-Encoding, so that no
 * reader downstream sees the chunked or short body the client sent.
 */
final class BufferedBody extends HttpServletRequestWrapper {

    private static final String CONTENT_LENGTH = "Content-Length";
    private static final String TRANSFER_ENCODING = "Transfer-Encoding";

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
    public String getHeader(String name) {
        if (CONTENT_LENGTH.equalsIgnoreCase(name)) {
            return Integer.toString(body.length);
        }
        return TRANSFER_ENCODING.equalsIgnoreCase(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        String value = getHeader(name);
        if (CONTENT_LENGTH.equalsIgnoreCase(name) || TRANSFER_ENCODING.equalsIgnoreCase(name)) {
            return Collections.enumeration(value == null ? List.of() : List.of(value));
        }
        return super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = new ArrayList<>();
        for (Enumeration<String> all = super.getHeaderNames(); all.hasMoreElements(); ) {
            String name = all.nextElement();
            if (!CONTENT_LENGTH.equalsIgnoreCase(name) && !TRANSFER_ENCODING.equalsIgnoreCase(name)) {
                names.add(name);
            }
        }
        names.add(CONTENT_LENGTH);
        return Collections.enumeration(names);
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }
}
