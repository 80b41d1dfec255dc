package dev.restauth.platform.control;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import jakarta.enterprise.event.Event;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A payload becomes its change; whenever a cache may have missed one, every cache starts over. */
class ChangeEventsTest {

    ChangeEvents cut;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void wire() {
        cut = new ChangeEvents();
        cut.changes = mock(Event.class);
        cut.missed = mock(Event.class);
    }

    @Test
    void eachKnownPayloadIsFiredAsItsChange() {
        cut.dispatch(List.of(Change.user(42).payload(), Change.apiToken(7).payload()));
        verify(cut.changes).fire(Change.user(42));
        verify(cut.changes).fire(Change.apiToken(7));
        verify(cut.missed, never()).fire(any());
    }

    @Test
    void anUnknownPayloadFlushesEveryCacheAndTheRestStillArrive() {
        cut.dispatch(List.of("group:3", Change.user(42).payload()));
        verify(cut.missed).fire(any(ChangesMissed.class));
        verify(cut.changes).fire(Change.user(42));
    }

    @Test
    void aFailingObserverFlushesEveryCache() {
        doThrow(new IllegalStateException("observer failed")).when(cut.changes).fire(Change.user(1));
        cut.dispatch(List.of(Change.user(1).payload(), Change.user(2).payload()));
        verify(cut.missed, times(1)).fire(any(ChangesMissed.class));
        verify(cut.changes).fire(Change.user(2));
    }
}
