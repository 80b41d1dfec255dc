package dev.restauth.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testsupport.Browser;
import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.TestUsers;
import dev.restauth.testsupport.TestUsers.Credentials;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The admin pages in real browsers: users searched, created, changed, deactivated, deleted. */
@ExtendWith(Browser.Tests.class)
class AdminPagesIT {

    @Test
    void theUsersPagesAreHiddenFromOthers(Browser browser) {
        browser.fresh().signIn(TestUsers.create("staff"));
        assertFalse(browser.find(By.id("nav")).findElement(By.id("nav-users")).isDisplayed());

        browser.open("#/users");

        browser.waitForText(By.id("notice"), "That page is for administrators.");
        assertEquals("#/account", browser.currentHash());
        browser.assertNoScriptErrors();
    }

    @Test
    void deactivatingAUserEndsTheirOpenConsoleAtItsNextRequest(Browser admin, @Browser.Other Browser victim) {
        Credentials user = TestUsers.create("staff");
        victim.fresh().signIn(user);
        admin.fresh().signIn(TestUsers.create("admin")).click(By.linkText("Users"));

        admin.fill(By.name("search"), user.username()).click(By.cssSelector("#user-search button"));
        admin.waitForText(By.id("user-list"), user.username());
        assertEquals(1, admin.all(By.cssSelector("#user-list tbody tr")).size());
        admin.screenshot("08-users-search", true);
        admin.click(By.linkText(user.username()));
        admin.waitForText(By.id("user-status"), "active");
        admin.click(By.id("toggle-active"));

        admin.waitForText(By.id("notice"), user.username() + " deactivated.");
        admin.waitForText(By.id("user-status"), "inactive");

        victim.click(By.linkText("My tokens"));
        victim.waitForText(
                By.cssSelector("#signin-form .form-message"), "Your session has ended. Please sign in again.");
        victim.screenshot("09-session-ended", false);
        victim.assertNoScriptErrors();
        admin.assertNoScriptErrors();
    }

    @Test
    void anAdminCreatesAUserChangesRolesRevokesAndResetsKeysAndDeletesIt(Browser browser) {
        browser.fresh().signIn(TestUsers.create("admin")).open("#/users");
        String username = TestUsers.uniqueName("made-in-console");

        browser.fill(By.cssSelector("#create-user-form [name=username]"), username)
                .fill(By.cssSelector("#create-user-form [name=password]"), "short")
                .fill(By.cssSelector("#create-user-form [name=roles]"), "staff, editor")
                .click(By.cssSelector("#create-user-form button[type=submit]"));
        browser.waitForText(
                By.cssSelector("#create-user-form [data-field=password] .field-error"),
                "This password is too short. It must contain at least 8 characters.");
        browser.fill(By.cssSelector("#create-user-form [name=password]"), "a-long-enough-password")
                .click(By.cssSelector("#create-user-form button[type=submit]"));
        browser.waitForText(By.cssSelector("#create-user-form .form-message"), "User " + username + " created.");
        browser.screenshot("10-users", true);
        Credentials made = new Credentials(username, "a-long-enough-password");
        String firstKey = newKey(made, "laptop");

        browser.fill(By.name("search"), username).click(By.cssSelector("#user-search button"));
        browser.click(By.linkText(username));
        browser.waitForText(By.id("user-tokens"), "laptop");
        browser.fill(By.cssSelector("#roles-form [name=roles]"), "staff, auditor")
                .click(By.cssSelector("#roles-form button[type=submit]"));
        browser.waitForText(By.id("notice"), "Roles of " + username + " saved.");
        assertEquals("[\"auditor\",\"staff\"]", roles(username));

        browser.click(By.cssSelector("#reset-key-form button")).confirm();
        String resetKey =
                browser.find(By.cssSelector("#user-new-key input.key")).getAttribute("value");
        assertTrue(resetKey.matches("[0-9a-f]{40}"), resetKey);
        browser.screenshot("11-user", true);
        assertEquals(
                200,
                Http.get("/api/hello/", "Authorization", "Token " + resetKey).statusCode());
        assertEquals(
                401,
                Http.get("/api/hello/", "Authorization", "Token " + firstKey).statusCode());

        browser.waitForText(By.id("user-tokens"), "Revoke");
        browser.click(By.cssSelector("#user-tokens button[data-token]")).confirm();
        browser.waitForText(By.id("user-tokens"), "has no API tokens.");
        assertEquals(
                401,
                Http.get("/api/hello/", "Authorization", "Token " + resetKey).statusCode());

        browser.click(By.cssSelector("#delete-form button[type=submit]")).confirm();
        browser.waitForText(By.id("notice"), username + " deleted.");
        assertEquals("#/users", browser.currentHash());
        assertEquals(
                404,
                Http.get("/api/users/" + username + "/", "Authorization", TestUsers.ADMIN.basic())
                        .statusCode());
        browser.assertNoScriptErrors();
    }

    private static String newKey(Credentials user, String name) {
        HttpResponse<String> created = Http.send(
                "POST",
                "/api/auth-tokens/",
                "application/json",
                "{\"name\":\"" + name + "\"}",
                "Authorization",
                user.basic());
        assertEquals(201, created.statusCode(), created.body());
        return Http.json(created).getString("token");
    }

    private static String roles(String username) {
        return Http.json(Http.get("/api/users/" + username + "/", "Authorization", TestUsers.ADMIN.basic()))
                .getJsonArray("roles")
                .toString();
    }
}
