package dev.restauth.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OwedAnswersTest {

    /** Runs each keeper on a thread of its own, as AsyncContext.start does, and keeps them. */
    private final List<Thread> keepers = new CopyOnWriteArrayList<>();

    private final Executor asyncStart = work -> {
        Thread thread = new Thread(work, "keeper-" + keepers.size());
        keepers.add(thread);
        thread.start();
    };

    private static final Executor TAKES_TASKS = Runnable::run;

    private static final Executor STOPPING = work -> {
        throw new RejectedExecutionException("the server is stopping");
    };

    @Test
    void oneKeeperHoldsItsTaskWhileAnswersAreOwedAndLetsGoAfterTheLast() throws Exception {
        OwedAnswers answers = new OwedAnswers(TAKES_TASKS);
        answers.owe(asyncStart);
        answers.owe(asyncStart);
        assertEquals(1, keepers.size(), "one keeper for all the answers owed");
        Thread keeper = keepers.get(0);

        keeper.join(OwedAnswers.LINGER.multipliedBy(2).toMillis());
        assertTrue(keeper.isAlive(), "the keeper holds on while two answers are owed");
        answers.paid();
        keeper.join(OwedAnswers.LINGER.multipliedBy(2).toMillis());
        assertTrue(keeper.isAlive(), "and while one is");

        answers.paid();
        keeper.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(keeper.isAlive(), "the keeper ends once nothing is owed and it has lingered");

        answers.owe(asyncStart);
        assertEquals(2, keepers.size(), "the next answer owed starts a new keeper");
        answers.stop();
        keepers.get(1).join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(keepers.get(1).isAlive(), "the application stopping ends the keeper");
    }

    @Test
    void aKeeperStillLingeringTakesTheNextAnswerWithoutANewTask() throws Exception {
        OwedAnswers answers = new OwedAnswers(TAKES_TASKS);
        answers.owe(asyncStart);
        answers.paid();
        answers.owe(asyncStart);
        assertEquals(1, keepers.size());
        answers.paid();
        keepers.get(0).join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(keepers.get(0).isAlive());
    }

    @Test
    void aRequestStaysOnItsThreadOnlyWhenTheServerStopsAndNoKeeperRuns() throws Exception {
        assertFalse(new OwedAnswers(TAKES_TASKS).mustKeepThread(), "a running server");

        OwedAnswers stopping = new OwedAnswers(STOPPING);
        assertTrue(stopping.mustKeepThread(), "a stopping server without a keeper");

        stopping.owe(asyncStart); // a keeper started before the stop began
        assertFalse(stopping.mustKeepThread(), "the keeper makes the stop wait");
        stopping.paid();
        keepers.get(0).join(TimeUnit.SECONDS.toMillis(30));
        assertTrue(stopping.mustKeepThread(), "and once it has gone, requests stay on their threads again");
    }

    @Test
    void aKeeperThatCannotStartIsNotCountedAsRunning() {
        OwedAnswers answers = new OwedAnswers(STOPPING);
        try {
            answers.owe(STOPPING);
        } catch (RejectedExecutionException expected) {
            // the filter lets it through: the container's own failure
        }
        assertTrue(answers.mustKeepThread());
    }
}
