package dev.restauth.platform.boundary;

import dev.restauth.platform.control.OwedAnswers;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts every request that leaves its thread with its answer still to come (the logins and the
 * password change, whose resources return a {@code CompletionStage}) until that answer is
 * written, so that a stopping server waits for it ({@link OwedAnswers} says how). A request that
 * stays on its thread costs one check here and nothing else.
 */
public class OwedAnswersFilter extends HttpFilter {

    @Inject
    OwedAnswers owed;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response);
        if (request.isAsyncStarted()) {
            // Still inside the dispatch that started it: the listener hears its end even if the
            // answer has been written already.
            AsyncContext async = request.getAsyncContext();
            async.addListener(new Payment());
            owed.owe(async::start);
        }
    }

    /** Pays once, at whichever end the answer meets. */
    private final class Payment implements AsyncListener {

        private final AtomicBoolean paid = new AtomicBoolean();

        @Override
        public void onComplete(AsyncEvent event) {
            pay();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            pay();
        }

        @Override
        public void onError(AsyncEvent event) {
            pay();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // the same request going asynchronous once more: still the one answer owed
        }

        private void pay() {
            if (paid.compareAndSet(false, true)) {
                owed.paid();
            }
        }
    }
}
