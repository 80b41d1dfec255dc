package dev.restauth.errors.boundary;

import dev.restauth.errors.control.ApiError;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The error page (WEB-INF/web.xml) for failures the servlet container raises itself, outside
 * JAX-RS: the same JSON the mappers write, never the container's HTML. An error the
 * authentication mechanism left on the request ({@link ApiError#PENDING}) is answered as it is.
 * Requested directly, it is just an unknown path.
 */
@WebServlet(urlPatterns = ErrorPageServlet.PATH, asyncSupported = true)
public class ErrorPageServlet extends HttpServlet {

    static final String PATH = "/_error";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer given ? given : HttpServletResponse.SC_NOT_FOUND;
        ApiError error = request.getAttribute(ApiError.PENDING) instanceof ApiError pending
                ? pending
                : ApiError.ofStatus(status, request.getMethod(), request.getContentType());
        ErrorWriter.write(error, response);
    }
}
