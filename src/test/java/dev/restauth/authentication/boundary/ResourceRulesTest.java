package dev.restauth.authentication.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.authentication.control.AuthenticationScheme;
import dev.restauth.authentication.control.FakeScheme;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceRulesTest {

    static final FakeScheme BEARER = new FakeScheme("Bearer", "Bearer realm=\"api\"", parts -> null);
    static final FakeScheme TOKEN = new FakeScheme("Token", "Token", parts -> null);
    static final FakeScheme BASIC = new FakeScheme("Basic", "Basic realm=\"api\"", parts -> null);

    @RolesAllowed("authenticated")
    @AuthenticatedBy("Token")
    static class Narrowed {
        public void get() {}

        @PermitAll
        public void open() {}

        @AuthenticatedBy({"Basic", "Token"})
        public void both() {}
    }

    static class Plain {
        public void unannotated() {}

        @PermitAll
        @IgnoresCredentials
        public void login() {}

        @RolesAllowed("admin")
        public void admin() {}

        @DenyAll
        public void nobody() {}
    }

    @DenyAll
    static class Denied {
        @PermitAll
        public void lifted() {}

        public void closed() {}
    }

    static class Misnamed {
        @AuthenticatedBy("Digest")
        public void get() {}
    }

    ResourceRules cut;

    @BeforeEach
    void wire() {
        cut = new ResourceRules();
        cut.enabled = FakeScheme.enabled(List.of("Bearer", "Token", "Basic"), BEARER, TOKEN, BASIC);
    }

    ResourceRules.Rules rules(Class<?> resource, String method) throws NoSuchMethodException {
        return cut.of(resource, resource.getMethod(method));
    }

    @Test
    void withoutAnnotationsTheGlobalRulesApply() throws Exception {
        assertSame(ResourceRules.Rules.DEFAULT, rules(Plain.class, "unannotated"));
        assertSame(ResourceRules.Rules.DEFAULT, rules(Plain.class, "admin"));
        assertSame(ResourceRules.Rules.DEFAULT, cut.of(Plain.class, null), "no method matched");
    }

    @Test
    void aClassAnnotationNarrowsEveryMethodAndAMethodsReplacesIt() throws Exception {
        assertEquals(List.of(TOKEN), names(rules(Narrowed.class, "get")));
        assertEquals(List.of(BASIC, TOKEN), names(rules(Narrowed.class, "both")));
        assertTrue(rules(Narrowed.class, "both").accepts("basic"));
        assertFalse(rules(Narrowed.class, "get").accepts("Bearer"));
        assertFalse(rules(Narrowed.class, "get").accepts(null));
    }

    @Test
    void loginEndpointsIgnoreCredentials() throws Exception {
        ResourceRules.Rules login = rules(Plain.class, "login");
        assertTrue(login.ignoresCredentials());
        assertNull(login.schemes());
    }

    @ParameterizedTest
    @CsvSource({
        "Narrowed, get, true",
        "Narrowed, open, false",
        "Plain, admin, true",
        "Plain, nobody, true",
        "Plain, unannotated, false",
        "Denied, lifted, false",
        "Denied, closed, true"
    })
    void authenticationIsRequiredAsLibertysRoleCheckReadsTheAnnotations(
            String resource, String method, boolean required) throws Exception {
        Class<?> type = Class.forName(ResourceRulesTest.class.getName() + "$" + resource);
        Method found = type.getMethod(method);
        assertEquals(required, ResourceRules.requiresAuthentication(type, found));
    }

    @Test
    void aSchemeThatIsNotEnabledStopsTheDeployment() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> rules(Misnamed.class, "get"));
        assertTrue(refused.getMessage().contains("Misnamed.get"), refused.getMessage());
    }

    @Test
    void eachMethodIsReadOnce() throws Exception {
        assertSame(rules(Narrowed.class, "get"), rules(Narrowed.class, "get"));
    }

    static List<AuthenticationScheme> names(ResourceRules.Rules rules) {
        return rules.schemes();
    }
}
