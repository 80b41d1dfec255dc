import { api, signIn, signOut } from "../api.js";
import { busy, clearErrors, field, formMessage, h, notice, showErrors, when } from "../ui.js";

export const title = "My account";

export async function render(context) {
    const me = await api("GET", "/api/users/me/");
    return h(
        "section",
        { class: "page" },
        h("h1", {}, "My account"),
        h(
            "dl",
            { class: "facts card", id: "account-facts" },
            h("dt", {}, "Username"),
            h("dd", { id: "account-username" }, me.username),
            h("dt", {}, "Roles"),
            h("dd", { id: "account-roles" }, me.roles.length ? me.roles.join(", ") : "none"),
            h("dt", {}, "Last login"),
            h("dd", { id: "account-last-login" }, when(me.last_login, "never")),
            h("dt", {}, "Member since"),
            h("dd", {}, when(me.created)),
        ),
        passwordForm(context, me.username),
        everywhere(context),
    );
}

function passwordForm(context, username) {
    const form = h(
        "form",
        { class: "card", id: "password-form", novalidate: true, "aria-labelledby": "password-title" },
        h("h2", { id: "password-title" }, "Change password"),
        field("Current password", "old_password", { type: "password", autocomplete: "current-password" }),
        field(
            "New password",
            "new_password",
            { type: "password", autocomplete: "new-password" },
            "At least 8 characters. Changing it signs you out everywhere else and revokes your API tokens.",
        ),
        field("New password, again", "new_password_again", { type: "password", autocomplete: "new-password" }),
        h("button", { type: "submit", class: "primary" }, "Change password"),
    );
    form.addEventListener("submit", async (event) => {
        event.preventDefault();
        clearErrors(form);
        const change = {
            old_password: form.elements.old_password.value,
            new_password: form.elements.new_password.value,
        };
        if (change.new_password !== form.elements.new_password_again.value) {
            showErrors(form, { fields: { new_password_again: ["The two passwords do not match."] } });
            return;
        }
        await busy(form, async () => {
            try {
                await api("POST", "/api/users/me/password/", change);
            } catch (error) {
                showErrors(form, error);
                return;
            }
            form.reset();
            // A new password ends every session, this one included: sign in again with it, as
            // Django's update_session_auth_hash keeps the user who changed it signed in.
            try {
                await signIn(username, change.new_password);
                formMessage(form, "Your password has been changed. Other sessions were signed out.", "ok");
            } catch (error) {
                context.ended("Your password has been changed. Please sign in with the new one.");
            }
        });
    });
    return form;
}

function everywhere(context) {
    const form = h(
        "form",
        { class: "card", id: "everywhere-form", "aria-labelledby": "everywhere-title" },
        h("h2", { id: "everywhere-title" }, "Sign out everywhere"),
        h(
            "p",
            {},
            "Ends every session of yours, on every device, and revokes all your API tokens. You will need to sign in again.",
        ),
        h("button", { type: "submit", class: "danger" }, "Sign out everywhere"),
    );
    form.addEventListener("submit", async (event) => {
        event.preventDefault();
        await busy(form, async () => {
            try {
                await api("POST", "/api/token/logout-all/");
            } catch (error) {
                showErrors(form, error);
                return;
            }
            // The cookies of this browser are now worthless; clear them too.
            await signOut().catch(() => {});
            notice("You are signed out everywhere.", "ok", true);
            context.ended("");
        });
    });
    return form;
}
