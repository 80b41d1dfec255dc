package dev.restauth.errors.boundary;

import dev.restauth.errors.control.DefaultMessages;
import dev.restauth.errors.entity.ErrorBody;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page (WEB-INF/web.xml) for failures the servlet container raises itself, outside
 * JAX-RS: the same JSON body the mappers write, never the container's HTML. Requested directly,
 * it is just an unknown path.
 */
@WebServlet(urlPatterns = ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {

    static final String PATH = "/_error";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer given ? given : HttpServletResponse.SC_NOT_FOUND;
        Object method = request.getAttribute("jakarta.servlet.error.method");
        String detail = DefaultMessages.forStatus(
                status, method == null ? request.getMethod() : method.toString(), request.getContentType());
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(new ErrorBody(detail).toJson());
    }
}
