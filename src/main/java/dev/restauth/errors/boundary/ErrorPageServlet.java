package dev.restauth.errors.boundary;

import dev.restauth.errors.control.DefaultMessages;
import dev.restauth.errors.entity.ErrorBody;
import dev.restauth.errors.entity.PendingError;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page (WEB-INF/web.xml) for failures the servlet container raises itself, outside
 * JAX-RS: the same JSON body the mappers write, never the container's HTML. A {@link
 * PendingError} on the request (the authentication mechanism's) supplies the message and headers.
 * Requested directly, it is just an unknown path.
 */
@WebServlet(urlPatterns = ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {

    static final String PATH = "/_error";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer given ? given : HttpServletResponse.SC_NOT_FOUND;
        ErrorBody body;
        if (request.getAttribute(PendingError.ATTRIBUTE) instanceof PendingError pending) {
            body = pending.body();
            pending.headers().forEach(response::setHeader);
        } else {
            body = new ErrorBody(DefaultMessages.forStatus(status, request.getMethod(), request.getContentType()));
        }
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body.toJson());
    }
}
