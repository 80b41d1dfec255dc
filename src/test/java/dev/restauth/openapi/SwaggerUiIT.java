package dev.restauth.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testsupport.Chromium;
import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.TestUsers;
import dev.restauth.testsupport.TestUsers.Credentials;
import jakarta.json.Json;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * /openapi/ui in a real browser: authorize with each scheme the way a person would (the
 * Authorize dialog), then "Try it out" on GET /api/hello/, which greets the caller by name.
 */
@ExtendWith(Chromium.Shared.class)
class SwaggerUiIT {

    static Stream<Arguments> schemes() {
        Credentials user = TestUsers.create();
        String access = TestUsers.login(user).access();
        String body = Json.createObjectBuilder()
                .add("username", user.username())
                .add("password", user.password())
                .build()
                .toString();
        var obtained = Http.send("POST", "/api/auth-token/", "application/json", body);
        assertEquals(200, obtained.statusCode(), obtained.body());
        String key = Http.json(obtained).getString("token");
        return Stream.of(
                Arguments.of("bearerAuth", List.of(access), user.username()),
                Arguments.of("tokenAuth", List.of("Token " + key), user.username()),
                Arguments.of("basicAuth", List.of(user.username(), user.password()), user.username()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void authorizesWithTheSchemeAndCallsTheApi(String scheme, List<String> values, String username, Chromium chromium) {
        var driver = chromium.driver();
        var wait = chromium.patiently();
        driver.get(Http.BASE.resolve("/openapi/ui/").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));

        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".scheme-container .authorize")))
                .click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//div[contains(@class,'auth-container')][.//h4[contains(normalize-space(.), '" + scheme + "')]]")));
        List<WebElement> inputs = dialog.findElements(By.cssSelector("input"));
        for (int i = 0; i < values.size(); i++) {
            inputs.get(i).sendKeys(values.get(i));
        }
        dialog.findElement(By.cssSelector("button.authorize")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".modal-ux button.btn-done")))
                .click();

        // The document keys paths without the trailing slash (MicroProfile OpenAPI drops it).
        WebElement operation =
                driver.findElement(By.xpath("//div[contains(@class,'opblock-get')][.//*[@data-path='/api/hello']]"));
        operation.findElement(By.cssSelector(".opblock-summary")).click();
        wait.until(ExpectedConditions.elementToBeClickable(operation.findElement(By.cssSelector(".try-out__btn"))))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(operation.findElement(By.cssSelector(".execute"))))
                .click();
        WebElement status = wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(
                        operation, By.cssSelector(".live-responses-table .response-col_status")))
                .get(0);
        chromium.screenshot("openapi-ui-" + scheme);
        assertEquals("200", status.getText().strip(), operation.getText());
        String answer = operation
                .findElement(By.cssSelector(".live-responses-table .response-col_description"))
                .getText();
        assertTrue(answer.contains("Hello, " + username + "!"), answer);
        String curl = operation.findElement(By.cssSelector(".curl-command")).getText();
        assertTrue(curl.contains("Authorization: " + expectedScheme(scheme)), curl);
    }

    private static String expectedScheme(String scheme) {
        return switch (scheme) {
            case "bearerAuth" -> "Bearer ";
            case "tokenAuth" -> "Token ";
            default -> "Basic ";
        };
    }
}
