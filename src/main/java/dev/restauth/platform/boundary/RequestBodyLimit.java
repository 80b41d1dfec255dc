package dev.restauth.platform.boundary;

import dev.restauth.errors.control.DefaultMessages;
import dev.restauth.errors.entity.ErrorBody;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * No endpoint takes more than a small JSON document, so a body announced as larger is refused
 * with 413 before anyone reads it.
 */
@WebFilter("/*")
public class RequestBodyLimit extends HttpFilter {

    @Inject
    @ConfigProperty(name = "requests.max-body-bytes", defaultValue = "65536")
    long maxBodyBytes;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            int status = HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
            response.setStatus(status);
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(new ErrorBody(DefaultMessages.forStatus(status, null, null)).toJson());
            return;
        }
        chain.doFilter(request, response);
    }
}
