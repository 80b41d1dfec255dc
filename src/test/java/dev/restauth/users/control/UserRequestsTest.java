package dev.restauth.users.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restauth.errors.control.ApiError;
import dev.restauth.users.entity.NewUser;
import dev.restauth.users.entity.PasswordChange;
import dev.restauth.users.entity.UserChanges;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The users API's request records and Django's messages for them. */
class UserRequestsTest {

    static final String TOO_SHORT = "This password is too short. It must contain at least 8 characters.";

    UserRequests cut;

    @BeforeEach
    void wire() {
        cut = new UserRequests();
        cut.passwordRules = new PasswordRules();
        cut.passwordRules.minLength = 8;
        cut.passwordRules.maxLength = 1024;
    }

    static Map<String, List<String>> fields(Executable check) {
        ApiError refused = assertThrows(ApiError.class, check);
        return refused.fields().keySet().stream().collect(Collectors.toMap(field -> field, refused::messages));
    }

    @Test
    void anEmptyNewUserNamesEveryRequiredField() {
        assertEquals(
                Map.of("username", List.of("This field is required."), "password", List.of("This field is required.")),
                fields(() -> cut.check(new NewUser(null, null, null))));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "'  '| This field may not be blank.",
                "bad name!| Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters.",
                "me| A user with that username already exists."
            })
    void usernamesFollowDjangosRules(String username, String message) {
        assertEquals(
                List.of(message),
                fields(() -> cut.check(new NewUser(username, "long enough", null)))
                        .get("username"));
    }

    @ParameterizedTest
    @CsvSource({"no spaces", "authenticated", "''"})
    void rolesAreNamesAndNeverTheReservedOne(String role) {
        assertEquals(
                List.of(UserRequests.INVALID_ROLE),
                fields(() -> cut.check(new NewUser("alice", "long enough", Arrays.asList(role))))
                        .get("roles"));
    }

    @Test
    void anAdministratorsResetFollowsThePasswordRules() {
        assertEquals(
                List.of(TOO_SHORT),
                fields(() -> cut.check(new UserChanges(null, null, "short"))).get("password"));
        assertEquals(
                List.of("This field may not be blank."),
                fields(() -> cut.check(new UserChanges(null, null, ""))).get("password"));
        cut.check(new UserChanges(List.of("staff"), false, null)); // no password: nothing to check
    }

    @Test
    void aPasswordChangeNeedsTheOldAndAGoodNewOne() {
        assertEquals(
                Map.of("old_password", List.of("This field is required."), "new_password", List.of(TOO_SHORT)),
                fields(() -> cut.check(new PasswordChange(null, "short"))));
    }
}
