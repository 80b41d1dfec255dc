package dev.restauth.users.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageRequestTest {

    /** limit, offset as given (null: absent) → the page's offset and limit, or none at all. */
    @ParameterizedTest(name = "limit={0} offset={1}")
    @CsvSource(
            nullValues = "null",
            value = {
                "10, null, 0, 10",
                "10, 20, 20, 10",
                "' 7 ', ' 3', 3, 7",
                "+5, +2, 2, 5",
                "5000, 0, 0, 1000",
                "99999999999999999999, 0, 0, 1000",
                "10, -1, 0, 10",
                "10, x, 0, 10",
                "10, 2.0, 0, 10",
                "0, 0, -1, -1",
                "-2, 0, -1, -1",
                "ten, 0, -1, -1",
                "null, 5, -1, -1",
                "'', 5, -1, -1",
            })
    void readsLikeDrf(String limit, String offset, int pageOffset, int pageLimit) {
        Optional<PageRequest> page = PageRequest.of(limit, offset, 1000);
        assertEquals(pageLimit < 0 ? Optional.empty() : Optional.of(new PageRequest(pageOffset, pageLimit)), page);
    }

    @ParameterizedTest(name = "offset={0} limit={1} count={2}")
    @CsvSource({
        "0, 2, 5, true, false, 0",
        "4, 2, 5, false, true, 2",
        "3, 2, 5, false, true, 1",
        "1, 2, 2, false, true, 0"
    })
    void linksFollowDrf(int offset, int limit, long count, boolean next, boolean previous, int previousOffset) {
        PageRequest page = new PageRequest(offset, limit);
        assertEquals(next, page.hasNext(count));
        assertEquals(previous, page.hasPrevious());
        assertEquals(previousOffset, page.previousOffset());
    }
}
