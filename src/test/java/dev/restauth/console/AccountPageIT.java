package dev.restauth.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.testsupport.Browser;
import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.TestUsers;
import dev.restauth.testsupport.TestUsers.Credentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** My account in a real browser: the password change, with DRF's field errors next to their fields. */
@ExtendWith(Browser.Tests.class)
class AccountPageIT {

    @Test
    void aPasswordChangeShowsEachErrorBesideItsFieldThenKeepsMeSignedIn(Browser browser) {
        Credentials user = TestUsers.create();
        String newPassword = "a-brand-new-long-password";
        browser.fresh().signIn(user);

        changePassword(browser, "not-my-password", newPassword, newPassword);
        browser.waitForText(
                By.cssSelector("[data-field=old_password] .field-error"),
                "Your old password was entered incorrectly. Please enter it again.");
        assertEquals("true", browser.find(By.name("old_password")).getAttribute("aria-invalid"));
        browser.screenshot("07-account-password-errors", true);

        changePassword(browser, user.password(), "short", "short");
        browser.waitForText(
                By.cssSelector("[data-field=new_password] .field-error"),
                "This password is too short. It must contain at least 8 characters.");
        assertEquals(null, browser.find(By.name("old_password")).getAttribute("aria-invalid"));

        changePassword(browser, user.password(), newPassword, newPassword + "-typo");
        browser.waitForText(
                By.cssSelector("[data-field=new_password_again] .field-error"), "The two passwords do not match.");

        changePassword(browser, user.password(), newPassword, newPassword);
        browser.waitForText(By.cssSelector("#password-form .form-message"), "Your password has been changed.");

        // Signed in again with the new password: the console goes on working.
        browser.click(By.linkText("My tokens"));
        browser.find(By.id("token-form"));
        Credentials changed = new Credentials(user.username(), newPassword);
        assertEquals(
                200, Http.get("/api/hello/", "Authorization", changed.basic()).statusCode());
        assertEquals(401, Http.get("/api/hello/", "Authorization", user.basic()).statusCode());
        browser.assertNoScriptErrors();
    }

    @Test
    void signingOutEverywhereEndsEverySessionOfMine(Browser browser) {
        Credentials user = TestUsers.create();
        String access = TestUsers.login(user).access(); // another device's session
        browser.fresh().signIn(user);

        browser.click(By.cssSelector("#everywhere-form button[type=submit]"));

        browser.waitForText(By.id("notice"), "You are signed out everywhere.");
        browser.find(By.id("signin-form"));
        assertEquals(
                401,
                Http.get("/api/hello/", "Authorization", "Bearer " + access).statusCode());
        browser.open("#/account");
        browser.find(By.id("signin-form"));
        browser.assertNoScriptErrors();
    }

    private static void changePassword(Browser browser, String old, String fresh, String again) {
        browser.fill(By.name("old_password"), old)
                .fill(By.name("new_password"), fresh)
                .fill(By.name("new_password_again"), again)
                .click(By.cssSelector("#password-form button[type=submit]"));
    }
}
