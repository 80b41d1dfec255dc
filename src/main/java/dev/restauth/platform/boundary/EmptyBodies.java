package dev.restauth.platform.boundary;

import jakarta.json.JsonValue;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.PushbackInputStream;
import java.util.Set;

/**
 * An empty request body reads as a request record with every field absent, as DRF reads it: the
 * record's checks then answer "This field is required." instead of a JSON parse error, and no
 * resource ever sees a null body. DRF reads an empty body so whatever its Content-Type, none
 * included (an empty {@code POST /api/token/} is a 400 with the field errors, not a 415), so such a
 * request is given the JSON type before its resource method is matched. ({@link RequestBodyLimit}
 * has read every body, so its Content-Length is known.) A body that is not empty keeps its type,
 * and an unsupported or missing one is still a 415.
 */
@Provider
@PreMatching
public class EmptyBodies implements ReaderInterceptor, ContainerRequestFilter {

    private static final Set<String> WITHOUT_BODY = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() <= 0
                && request.getHeaderString("Transfer-Encoding") == null
                && !WITHOUT_BODY.contains(request.getMethod())
                && !readable(request.getMediaType())) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }

    private static boolean readable(MediaType type) {
        return type != null
                && (MediaType.APPLICATION_JSON_TYPE.isCompatible(type)
                        || MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type));
    }

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
            return Records.of(type, JsonValue.EMPTY_JSON_OBJECT);
        }
        body.unread(first);
        context.setInputStream(body);
        Object read = context.proceed();
        return read != null ? read : Records.of(type, JsonValue.EMPTY_JSON_OBJECT);
    }
}
