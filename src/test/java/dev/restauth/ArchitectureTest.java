package dev.restauth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The components' dependencies point one way, from metrics, the Django import and the examples down to the error format; peers
 * (jwt, apitokens) never use each other; no two components form a cycle; and no JPA entity
 * crosses a resource's boundary.
 */
class ArchitectureTest {

    /**
     * Plain JUnit tests over one import: surefire 3.5.3 silently skips ArchUnit's {@code @ArchTest}
     * fields (TNG/ArchUnit#1442).
     */
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.restauth");

    static final ArchRule DEPENDENCIES_POINT_DOWN = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("django")
            .definedBy("dev.restauth.django..")
            .layer("metrics")
            .definedBy("dev.restauth.metrics..")
            .layer("examples")
            .definedBy("dev.restauth.examples..")
            .layer("console")
            .definedBy("dev.restauth.console..")
            .layer("sessions")
            .definedBy("dev.restauth.sessions..")
            .layer("jwt")
            .definedBy("dev.restauth.jwt..")
            .layer("apitokens")
            .definedBy("dev.restauth.apitokens..")
            .layer("authentication")
            .definedBy("dev.restauth.authentication..")
            .layer("users")
            .definedBy("dev.restauth.users..")
            .layer("throttling")
            .definedBy("dev.restauth.throttling..")
            .layer("audit")
            .definedBy("dev.restauth.audit..")
            .layer("platform")
            .definedBy("dev.restauth.platform..")
            .layer("errors")
            .definedBy("dev.restauth.errors..")
            .whereLayer("django")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("metrics")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("examples")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("console")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("sessions")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("jwt")
            .mayOnlyBeAccessedByLayers("django", "metrics", "examples", "sessions")
            .whereLayer("apitokens")
            .mayOnlyBeAccessedByLayers("django", "metrics", "examples")
            .whereLayer("authentication")
            .mayOnlyBeAccessedByLayers("django", "examples", "sessions", "jwt", "apitokens")
            .whereLayer("users")
            .mayOnlyBeAccessedByLayers(
                    "django", "metrics", "examples", "sessions", "jwt", "apitokens", "authentication")
            .whereLayer("throttling")
            .mayOnlyBeAccessedByLayers("django", "examples", "sessions", "jwt", "apitokens", "authentication", "users")
            .whereLayer("audit")
            .mayOnlyBeAccessedByLayers(
                    "django", "examples", "sessions", "jwt", "apitokens", "authentication", "users", "throttling")
            .whereLayer("platform")
            .mayOnlyBeAccessedByLayers(
                    "django",
                    "metrics",
                    "examples",
                    "console",
                    "sessions",
                    "jwt",
                    "apitokens",
                    "authentication",
                    "users",
                    "throttling",
                    "audit")
            .whereLayer("errors")
            .mayOnlyBeAccessedByLayers(
                    "django",
                    "examples",
                    "console",
                    "sessions",
                    "jwt",
                    "apitokens",
                    "authentication",
                    "users",
                    "throttling",
                    "audit",
                    "platform");

    static final ArchRule NO_CYCLE_BETWEEN_COMPONENTS =
            slices().matching("dev.restauth.(*)..").should().beFreeOfCycles();

    static final ArchRule NO_ENTITY_IN_A_RESOURCE_SIGNATURE = methods()
            .that()
            .areDeclaredInClassesThat()
            .areAnnotatedWith(Path.class)
            .and()
            .arePublic()
            .should(new ArchCondition<>("take and return records, never JPA entities") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    Set<JavaClass> involved =
                            new HashSet<>(method.getReturnType().getAllInvolvedRawTypes());
                    method.getParameterTypes().forEach(type -> involved.addAll(type.getAllInvolvedRawTypes()));
                    involved.stream()
                            .filter(type -> type.isAnnotatedWith(Entity.class))
                            .forEach(entity -> events.add(SimpleConditionEvent.violated(
                                    method, method.getFullName() + " exposes the entity " + entity.getSimpleName())));
                }
            });

    static final ArchRule NO_SERVICE_MANAGER_OR_IMPL = noClasses()
            .should()
            .haveSimpleNameEndingWith("Service")
            .orShould()
            .haveSimpleNameEndingWith("Manager")
            .orShould()
            .haveSimpleNameEndingWith("Impl");

    /**
     * A class a newcomer can read in one sitting: over 150 lines (as {@code wc -l} counts them,
     * after the formatter), a class has more than one job and is split by responsibility.
     */
    @Test
    void noClassIsOver150Lines() throws IOException {
        List<String> tooLong;
        try (Stream<java.nio.file.Path> sources = Files.walk(java.nio.file.Path.of("src/main/java"))) {
            tooLong = sources.filter(file -> file.toString().endsWith(".java"))
                    .map(file -> lines(file) + " " + file)
                    .filter(line -> Integer.parseInt(line.substring(0, line.indexOf(' '))) > 150)
                    .sorted()
                    .toList();
        }
        assertEquals(List.of(), tooLong);
    }

    private static int lines(java.nio.file.Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return (int) lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void dependenciesPointDownAndPeersNeverMeet() {
        DEPENDENCIES_POINT_DOWN.check(MAIN);
    }

    @Test
    void noTwoComponentsFormACycle() {
        NO_CYCLE_BETWEEN_COMPONENTS.check(MAIN);
    }

    @Test
    void resourcesTakeAndReturnRecordsNeverEntities() {
        NO_ENTITY_IN_A_RESOURCE_SIGNATURE.check(MAIN);
    }

    @Test
    void namesSayWhatAClassDoes() {
        NO_SERVICE_MANAGER_OR_IMPL.check(MAIN);
    }
}
