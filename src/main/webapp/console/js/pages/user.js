import { api } from "../api.js";
import { busy, confirmed, field, h, notice, oneTimeKey, showErrors, when } from "../ui.js";
import { tokenTable } from "./tokens.js";
import { parseRoles } from "./users.js";

export const title = "User";

export async function render(context, username) {
    const path = `/api/users/${encodeURIComponent(username)}/`;
    const [user, tokens] = await Promise.all([api("GET", path), api("GET", `${path}auth-tokens/`)]);
    const tokenList = h("div", { id: "user-tokens" });
    const newKey = h("div", { id: "user-new-key" });
    const showTokens = (list) =>
        tokenList.replaceChildren(
            tokenTable(list, `API tokens of ${user.username}`, `${user.username} has no API tokens.`, async (token) => {
                await api("DELETE", `${path}auth-tokens/${encodeURIComponent(token.id)}/`);
                notice(`Token “${token.name}” of ${user.username} revoked.`);
                showTokens(await api("GET", `${path}auth-tokens/`));
            }),
        );
    showTokens(tokens);
    const self = context.me.username === user.username;
    return h(
        "section",
        { class: "page" },
        h("p", { class: "crumbs" }, h("a", { href: "#/users" }, "Users"), " / ", user.username),
        h("h1", {}, user.username),
        h(
            "dl",
            { class: "facts card" },
            h("dt", {}, "Status"),
            h("dd", { id: "user-status" }, user.active ? "active" : "inactive"),
            h("dt", {}, "Roles"),
            h("dd", {}, user.roles.length ? user.roles.join(", ") : "none"),
            h("dt", {}, "Last login"),
            h("dd", {}, when(user.last_login, "never")),
            h("dt", {}, "Created"),
            h("dd", {}, when(user.created)),
        ),
        rolesForm(context, path, user),
        statusForm(context, path, user, self),
        h(
            "section",
            { class: "card", "aria-labelledby": "user-tokens-title" },
            h("h2", { id: "user-tokens-title" }, "API tokens"),
            tokenList,
            resetKeyForm(path, user, newKey, async () => showTokens(await api("GET", `${path}auth-tokens/`))),
            newKey,
        ),
        deleteForm(context, path, user, self),
    );
}

function rolesForm(context, path, user) {
    const form = h(
        "form",
        { class: "card", id: "roles-form", novalidate: true, "aria-labelledby": "roles-title" },
        h("h2", { id: "roles-title" }, "Roles"),
        field("Roles", "roles", { value: user.roles.join(", "), autocomplete: "off" }, "Comma-separated."),
        h("button", { type: "submit", class: "primary" }, "Save roles"),
    );
    form.addEventListener("submit", async (event) => {
        event.preventDefault();
        await busy(form, async () => {
            try {
                await api("PATCH", path, { roles: parseRoles(form.elements.roles.value) });
            } catch (error) {
                showErrors(form, error);
                return;
            }
            notice(`Roles of ${user.username} saved.`, "ok", true);
            if (context.me.username === user.username) {
                await context.reloadMe();
            }
            context.go(location.hash);
        });
    });
    return form;
}

function statusForm(context, path, user, self) {
    const activate = !user.active;
    const form = h(
        "form",
        { class: "card", id: "status-form", "aria-labelledby": "status-title" },
        h("h2", { id: "status-title" }, activate ? "Activate" : "Deactivate"),
        h(
            "p",
            {},
            activate
                ? "Lets the user sign in again; their API tokens work again."
                : "Refuses every credential of the user at once and ends their sessions. API tokens are kept, refused until reactivation.",
        ),
        h(
            "button",
            { type: "submit", class: activate ? "primary" : "danger", id: "toggle-active", disabled: self && !activate },
            activate ? "Activate user" : "Deactivate user",
        ),
        self && !activate ? h("p", { class: "hint" }, "You cannot deactivate yourself here.") : null,
    );
    form.addEventListener("submit", async (event) => {
        event.preventDefault();
        await busy(form, async () => {
            try {
                await api("PATCH", path, { active: activate });
            } catch (error) {
                showErrors(form, error);
                return;
            }
            notice(`${user.username} ${activate ? "activated" : "deactivated"}.`, "ok", true);
            context.go(location.hash);
        });
    });
    return form;
}

function resetKeyForm(path, user, newKey, changed) {
    const form = h(
        "form",
        { id: "reset-key-form", class: "inline" },
        h("button", { type: "submit" }, "Reset key"),
        h("span", { class: "hint" }, " Revokes every token of the user and issues one new key."),
    );
    form.addEventListener("submit", async (event) => {
        event.preventDefault();
        if (!confirmed(`Revoke every API token of ${user.username} and issue a new key?`)) {
            return;
        }
        await busy(form, async () => {
            let issued;
            try {
                issued = await api("POST", `${path}auth-token/?reset=true`);
            } catch (error) {
                showErrors(form, error);
                return;
            }
            newKey.replaceChildren(oneTimeKey(`New key for ${user.username}`, issued.token));
            await changed();
        });
    });
    return form;
}

function deleteForm(context, path, user, self) {
    const form = h(
        "form",
        { class: "card", id: "delete-form", "aria-labelledby": "delete-title" },
        h("h2", { id: "delete-title" }, "Delete"),
        h("p", {}, "Deletes the user and every token of theirs. This cannot be undone."),
        h("button", { type: "submit", class: "danger", disabled: self }, "Delete user"),
        self ? h("p", { class: "hint" }, "You cannot delete yourself here.") : null,
    );
    form.addEventListener("submit", async (event) => {
        event.preventDefault();
        if (!confirmed(`Delete ${user.username} for good?`)) {
            return;
        }
        await busy(form, async () => {
            try {
                await api("DELETE", path);
            } catch (error) {
                showErrors(form, error);
                return;
            }
            notice(`${user.username} deleted.`, "ok", true);
            context.go("#/users");
        });
    });
    return form;
}
