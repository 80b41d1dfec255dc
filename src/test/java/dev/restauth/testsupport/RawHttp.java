package dev.restauth.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for what java.net.http hides or refuses: the status line's reason
 * phrase, and header bytes it will not send (NUL, other control characters, non-UTF-8).
 */
public final class RawHttp {

    /** The answer as it came: the status line, the head, the body. */
    public record Answer(String statusLine, String head, String body) {

        public int status() {
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    private RawHttp() {}

    /** A request with these raw header lines ("Name: value", bytes as given) and an optional body. */
    public static Answer send(String method, String path, byte[] headerLines, String body) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(
                (method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n").getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(headerLines);
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            request.writeBytes(("Content-Length: " + content.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        request.writeBytes("Connection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(content);
        return sendRaw(request.toByteArray(), false);
    }

    /**
     * Exactly these bytes, the request line and head included, nothing added. With {@code
     * halfClose} the client then stops sending (EOF) while it still reads the answer: a body cut
     * short of what it announced.
     */
    public static Answer sendRaw(byte[] request, boolean halfClose) {
        try (Socket socket = new Socket(Http.BASE.getHost(), Http.BASE.getPort())) {
            socket.setSoTimeout(120_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            if (halfClose) {
                socket.shutdownOutput();
            }
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headEnd = answer.indexOf("\r\n\r\n");
            String head = headEnd < 0 ? answer : answer.substring(0, headEnd);
            return new Answer(
                    head.lines().findFirst().orElse(""), head, headEnd < 0 ? "" : answer.substring(headEnd + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Answer send(String method, String path, String headerLines, String body) {
        return send(method, path, headerLines.getBytes(StandardCharsets.UTF_8), body);
    }
}
