package dev.restauth.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** DRF reads an empty body as no fields at all; the JSON reader would call it a parse error. */
class EmptyBodiesTest {

    record Login(String username, String password) {}

    final EmptyBodies cut = new EmptyBodies();

    ReaderInterceptorContext reading(Class<?> type, String body) throws Exception {
        ReaderInterceptorContext context = mock(ReaderInterceptorContext.class);
        doReturn(type).when(context).getType();
        AtomicReference<InputStream> stream =
                new AtomicReference<>(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        when(context.getInputStream()).thenAnswer(get -> stream.get());
        doAnswer(set -> {
                    stream.set(set.getArgument(0));
                    return null;
                })
                .when(context)
                .setInputStream(any());
        when(context.proceed())
                .thenAnswer(read -> new Login(new String(stream.get().readAllBytes()), null));
        return context;
    }

    @Test
    void anEmptyBodyIsARecordWithEveryFieldAbsent() throws Exception {
        ReaderInterceptorContext context = reading(Login.class, "");
        assertEquals(new Login(null, null), cut.aroundReadFrom(context));
        verify(context, never()).proceed();
    }

    @Test
    void anyOtherBodyIsReadWholeByTheReader() throws Exception {
        assertEquals(
                new Login("{\"username\":\"a\"}", null),
                cut.aroundReadFrom(reading(Login.class, "{\"username\":\"a\"}")));
    }

    @Test
    void bodiesThatAreNoRecordsAreLeftAlone() throws Exception {
        ReaderInterceptorContext context = reading(String.class, "");
        cut.aroundReadFrom(context);
        verify(context).proceed();
    }
}
