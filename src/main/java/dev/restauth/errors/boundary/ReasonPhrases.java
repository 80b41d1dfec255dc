package dev.restauth.errors.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Every error status line gets its standard reason phrase, whoever set the status (JAX-RS sets
 * only the code, and Liberty's channel has no phrase of its own for a 429). Done once the request
 * has been served, while the response is still uncommitted: the status line goes out at commit.
 */
@WebFilter(value = "/*", asyncSupported = true)
public class ReasonPhrases extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response);
        int status = response.getStatus();
        if (status >= 400 && !response.isCommitted()) {
            ReasonPhrase.set(response, status);
        }
    }
}
