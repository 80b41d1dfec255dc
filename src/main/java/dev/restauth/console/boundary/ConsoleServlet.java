package dev.restauth.console.boundary;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Serves {@code /console/*} from the WAR's {@code console/} folder, with headers that keep the
 * pages to themselves: a Content-Security-Policy that allows only this origin's files (no inline
 * script or style, nothing framed, nothing posted elsewhere), framing denied twice (CSP and
 * {@code X-Frame-Options} for older browsers), no referrer beyond this origin. The page itself is
 * {@code no-store}, since it shows new API keys; the scripts and styles are revalidated by ETag.
 */
@WebServlet(urlPatterns = ConsoleServlet.PATH + "/*")
public class ConsoleServlet extends HttpServlet {

    static final String PATH = "/console";

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        secure(response);
        String path = request.getPathInfo();
        if (path == null) {
            // /console → /console/, so that the page's relative links resolve under it.
            response.sendRedirect(request.getContextPath() + PATH + "/");
            return;
        }
        if (path.endsWith("/")) {
            path += "index.html";
        }
        String type = TYPES.get(extension(path));
        byte[] content = type == null || path.contains("..") ? null : read(PATH + path);
        if (content == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String etag = etag(content);
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", path.endsWith(".html") ? "no-store" : "no-cache");
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(type);
        response.setContentLength(content.length);
        response.getOutputStream().write(content); // HEAD: HttpServlet's wrapper discards it
    }

    /** Set first, so that every answer under /console/ carries them, redirects and 404s included. */
    static void secure(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    }

    private byte[] read(String resource) throws IOException {
        try (InputStream in = getServletContext().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < path.lastIndexOf('/') ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String etag(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return '"'
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(digest)
                            .substring(0, 22)
                    + '"';
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
