package dev.restauth.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testsupport.Browser;
import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.TestUsers;
import dev.restauth.testsupport.TestUsers.Credentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** My tokens in a real browser: a key created, shown once, used over the API, revoked. */
@ExtendWith(Browser.Tests.class)
class TokensPageIT {

    @Test
    void aNewKeyIsShownOnceWorksOverTheApiAndIsRefusedOnceRevoked(Browser browser) {
        Credentials user = TestUsers.create();
        browser.fresh().signIn(user).click(By.linkText("My tokens"));
        browser.waitForText(By.id("token-list"), "You have no API tokens.");

        browser.fill(By.name("name"), "ci-runner");
        new Select(browser.find(By.name("expires_in"))).selectByVisibleText("90 days");
        browser.click(By.cssSelector("#token-form button[type=submit]"));

        String key = browser.find(By.cssSelector("#new-key input.key")).getAttribute("value");
        assertTrue(key.matches("[0-9a-f]{40}"), key);
        browser.waitForText(By.id("new-key"), "Copy this key now: it will not be shown again.");
        browser.click(By.cssSelector("#new-key button"));
        String copied = browser.find(By.cssSelector("#new-key .copy-status")).getText();
        assertTrue(copied.equals("Copied.") || copied.startsWith("Press Ctrl+C"), copied);
        browser.waitForText(By.id("token-list"), "ci-runner");
        browser.screenshot("05-tokens-new-key", true);
        assertEquals(
                200,
                Http.get("/api/hello/", "Authorization", "Token " + key).statusCode(),
                "the key works over the API");

        browser.driver().navigate().refresh();
        browser.waitForText(By.id("token-list"), "ci-runner");
        assertTrue(browser.all(By.cssSelector(".one-time-key")).isEmpty(), "the key is shown once");
        assertFalse(browser.driver().getPageSource().contains(key));

        browser.click(By.cssSelector("button[data-token='ci-runner']")).confirm();

        browser.waitForText(By.id("notice"), "Token “ci-runner” revoked.");
        browser.waitForText(By.id("token-list"), "You have no API tokens.");
        browser.screenshot("06-tokens", true);
        Http.assertJsonError(Http.get("/api/hello/", "Authorization", "Token " + key), 401, "Invalid token.");
        browser.assertNoScriptErrors();
    }
}
