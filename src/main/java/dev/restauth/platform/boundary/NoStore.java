package dev.restauth.platform.boundary;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/** Responses that carry credentials must never be cached (RFC 6749 §5.1). */
public final class NoStore {

    private NoStore() {}

    public static Response.ResponseBuilder ok(Object entity) {
        return Response.ok(entity).cacheControl(cacheControl());
    }

    public static Response.ResponseBuilder created(Object entity) {
        return Response.status(Response.Status.CREATED).entity(entity).cacheControl(cacheControl());
    }

    private static CacheControl cacheControl() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return noStore;
    }
}
