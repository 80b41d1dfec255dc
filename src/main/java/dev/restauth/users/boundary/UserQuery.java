package dev.restauth.users.boundary;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/**
 * What a users list request asks for: DRF's SearchFilter {@code ?search=} and LimitOffsetPagination
 * {@code ?limit=}/{@code ?offset=} (strings: DRF ignores values that are not numbers rather than
 * refusing them), and the request's URL for the page links.
 */
public class UserQuery {

    @QueryParam("search")
    String search;

    @QueryParam("limit")
    String limit;

    @QueryParam("offset")
    String offset;

    @Context
    UriInfo uri;
}
