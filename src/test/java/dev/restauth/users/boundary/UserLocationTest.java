package dev.restauth.users.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserLocationTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''         | alice         | /api/users/alice/",
                "/restauth  | alice         | /restauth/api/users/alice/",
                "''         | alice smith   | /api/users/alice%20smith/",
                "''         | a+b@example.org | /api/users/a%2Bb%40example.org/",
                "''         | jörg          | /api/users/j%C3%B6rg/",
                "''         | a.b-c_d       | /api/users/a.b-c_d/",
            })
    void theUsernameIsOnePercentEncodedPathSegment(String contextPath, String username, String expected) {
        assertEquals(expected, UserLocation.of(contextPath, username));
    }
}
