package dev.restauth.platform.boundary;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.PushbackInputStream;
import java.util.Map;

/**
 * An empty request body reads as a request record with every field absent, as DRF reads it
 * (JSON or form): the record's checks then answer "This field is required." instead of a JSON
 * parse error, and no resource ever sees a null body.
 */
@Provider
public class EmptyBodies implements ReaderInterceptor {

    @Override
    @SuppressWarnings("unchecked")
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!context.getType().isRecord()) {
            return context.proceed();
        }
        Class<? extends Record> type = (Class<? extends Record>) context.getType();
        PushbackInputStream body = new PushbackInputStream(context.getInputStream(), 1);
        int first = body.read();
        if (first < 0) {
            return Records.of(type, Map.of());
        }
        body.unread(first);
        context.setInputStream(body);
        Object read = context.proceed();
        return read != null ? read : Records.of(type, Map.of());
    }
}
