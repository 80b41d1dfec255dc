package dev.restauth.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testsupport.Browser;
import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.TestUsers;
import dev.restauth.testsupport.TestUsers.Credentials;
import jakarta.json.Json;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;

/** The sign-in page in a real browser: signing in and out, and what a person is told when it fails. */
@ExtendWith(Browser.Tests.class)
class SignInPageIT {

    private static final int USERNAME_FAILURES = Integer.getInteger("restauth.throttle.username.failures", 50);

    @Test
    void signingInOpensMyAccountWithHttpOnlyCookiesAndSigningOutEndsIt(Browser browser) {
        Credentials user = TestUsers.create("staff");
        browser.fresh().open("");
        browser.find(By.id("signin-form"));
        browser.screenshot("01-sign-in", true);

        // Keyboard only: type, Tab, type, Enter.
        browser.find(By.name("username")).sendKeys(user.username(), Keys.TAB, user.password(), Keys.ENTER);

        assertEquals(user.username(), browser.waitForText(By.id("account-username"), user.username()));
        assertEquals("staff", browser.find(By.id("account-roles")).getText());
        assertNotEquals("never", browser.find(By.id("account-last-login")).getText());
        assertFalse(browser.find(By.id("nav")).findElement(By.id("nav-users")).isDisplayed(), "admin link shown");
        Cookie access = browser.cookie("restauth_access");
        assertTrue(access.isHttpOnly() && access.isSecure(), access.toString());
        assertEquals("Strict", access.getSameSite());
        String visibleToScripts =
                (String) ((JavascriptExecutor) browser.driver()).executeScript("return document.cookie;");
        assertTrue(visibleToScripts.startsWith("csrftoken="), visibleToScripts);
        assertFalse(visibleToScripts.contains("restauth_"), visibleToScripts);
        assertFalse(
                (Boolean) ((JavascriptExecutor) browser.driver()).executeScript("return localStorage.length > 0;"),
                "nothing in localStorage");
        browser.screenshot("02-account", true);

        browser.click(By.id("sign-out"));

        browser.waitForText(By.id("notice"), "You are signed out.");
        browser.find(By.id("signin-form"));
        browser.driver().navigate().refresh();
        browser.find(By.id("signin-form")); // still signed out after a reload
        browser.assertNoScriptErrors();
    }

    @Test
    void aWrongPasswordIsSaidPlainly(Browser browser) {
        Credentials user = TestUsers.create();
        browser.fresh().open("#/signin");
        browser.fill(By.name("username"), user.username()).fill(By.name("password"), "not-the-password");
        browser.click(By.cssSelector("#signin-form button[type=submit]"));

        browser.waitForText(
                By.cssSelector("#signin-form .form-message"),
                "Wrong username or password, or the account is inactive.");
        assertEquals("", browser.find(By.name("password")).getAttribute("value"));
        assertEquals(user.username(), browser.find(By.name("username")).getAttribute("value"));
        browser.screenshot("03-sign-in-wrong-password", false);
        browser.assertNoScriptErrors();
    }

    @Test
    void aThrottledAccountIsToldWhenToTryAgain(Browser browser) {
        Credentials user = TestUsers.create();
        // The form is ready before the guessing starts, so that it is sent right after the bucket
        // is emptied: the bucket refills one attempt every period/failures (12 s here), and a
        // browser started on a busy machine took longer than that.
        browser.fresh().open("#/signin");
        browser.fill(By.name("username"), user.username()).fill(By.name("password"), user.password());
        // Someone elsewhere guesses until the account's bucket is empty (their own client address,
        // so that the browser's is not the one throttled). Addresses of this test alone: another
        // test's emptied address bucket would end the loop before the account's is.
        String addresses = "2001:db8:" + Long.toHexString(System.nanoTime() & 0xffffL) + "::";
        HttpResponse<String> guess;
        int attempts = 0;
        do {
            guess = Http.send(
                    "POST",
                    "/api/token/",
                    "application/json",
                    Json.createObjectBuilder()
                            .add("username", user.username())
                            .add("password", "guess-" + attempts)
                            .build()
                            .toString(),
                    "X-Forwarded-For",
                    addresses + Integer.toHexString(1 + attempts % 200));
            // The bucket refills a little while we guess (a slow machine guesses slowly): the cap
            // leaves room for that, and still ends a loop that would never be throttled.
        } while (guess.statusCode() == 401 && ++attempts <= 2 * USERNAME_FAILURES);
        assertEquals(429, guess.statusCode(), guess.body());

        browser.click(By.cssSelector("#signin-form button[type=submit]"));

        String message = browser.waitForText(By.cssSelector("#signin-form .form-message"), "Too many attempts.");
        assertTrue(message.matches("Too many attempts\\. Try again in \\d+ seconds?\\."), message);
        browser.screenshot("04-sign-in-throttled", false);
        browser.assertNoScriptErrors();
    }
}
