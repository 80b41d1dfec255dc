package dev.restauth.users.boundary;

import dev.restauth.users.control.Users;
import dev.restauth.users.entity.PageRequest;
import dev.restauth.users.entity.UserPage;
import dev.restauth.users.entity.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The users list as DRF's ListAPIView with LimitOffsetPagination serves it: without {@code
 * ?limit=} every match in one list (DRF without a PAGE_SIZE), with it one page and the links to
 * its neighbours. A console or script that lists 100,000 imported users asks for pages.
 */
@ApplicationScoped
public class UserListing {

    @Inject
    Users users;

    /** DRF's {@code max_limit}: a larger {@code ?limit=} is cut to it. */
    @Inject
    @ConfigProperty(name = "users.list.max-limit")
    int maxLimit;

    Object list(UserQuery query) {
        String search = query.search;
        PageRequest page = PageRequest.of(query.limit, query.offset, maxLimit).orElse(null);
        if (page == null) {
            return users.search(search).stream().map(UserView::of).toList();
        }
        long count = users.count(search);
        List<UserView> results = page.offset() >= count
                ? List.of()
                : users.search(search, page).stream().map(UserView::of).toList();
        return new UserPage(
                count,
                page.hasNext(count) ? link(query.uri, page.limit(), page.nextOffset()) : null,
                page.hasPrevious() ? link(query.uri, page.limit(), page.previousOffset()) : null,
                results);
    }

    /**
     * The request's absolute URL with this limit and offset, as Django's replace_query_param
     * writes it: parameters sorted by name, form-encoded, and no offset at all for offset 0.
     */
    static String link(UriInfo uri, int limit, int offset) {
        Map<String, List<String>> query = new TreeMap<>();
        MultivaluedMap<String, String> given = uri.getQueryParameters();
        given.forEach((name, values) -> query.put(name, values));
        query.put("limit", List.of(Integer.toString(limit)));
        if (offset > 0) {
            query.put("offset", List.of(Integer.toString(offset)));
        } else {
            query.remove("offset");
        }
        List<String> pairs = new ArrayList<>();
        query.forEach((name, values) -> values.forEach(value -> pairs.add(encode(name) + "=" + encode(value))));
        return uri.getAbsolutePath() + "?" + String.join("&", pairs);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
