import { api } from "../api.js";
import { busy, clearErrors, field, formMessage, h, showErrors, table, when } from "../ui.js";

export const title = "Users";

/** "staff, editor" → ["staff", "editor"]: roles are typed as a comma-separated list. */
export function parseRoles(text) {
    return text
        .split(/[\s,]+/)
        .map((role) => role.trim())
        .filter(Boolean);
}

export function userLink(username) {
    return h("a", { href: `#/users/${encodeURIComponent(username)}` }, username);
}

export async function render(context) {
    const results = h("div", { id: "user-list", "aria-live": "polite" });
    const search = h(
        "form",
        { class: "card search", id: "user-search", role: "search" },
        field("Search users", "search", { type: "search", autocomplete: "off" }, "Part of a username or a role."),
        h("button", { type: "submit" }, "Search"),
    );
    search.addEventListener("submit", async (event) => {
        event.preventDefault();
        await busy(search, async () => {
            try {
                await list(results, search.elements.search.value.trim());
                clearErrors(search);
            } catch (error) {
                showErrors(search, error);
            }
        });
    });
    const page = h(
        "section",
        { class: "page" },
        h("h1", {}, "Users"),
        search,
        results,
        createForm(context, () => list(results, search.elements.search.value.trim())),
    );
    await list(results, "");
    return page;
}

/** One page at a time: an imported user base of 100,000 is not one answer, nor one table. */
const PAGE = 50;

async function list(results, term) {
    const search = term ? `&search=${encodeURIComponent(term)}` : "";
    const page = await api("GET", `/api/users/?limit=${PAGE}${search}`);
    const shown = page.results;
    results.replaceChildren(
        table(
            term ? `Users matching “${term}”` : "All users",
            ["Username", "Roles", "Status", "Last login"],
            shown.map((user) => [
                userLink(user.username),
                user.roles.join(", "),
                h("span", { class: user.active ? "badge ok" : "badge off" }, user.active ? "active" : "inactive"),
                when(user.last_login, "never"),
            ]),
            term ? `No user matches “${term}”.` : "No users yet.",
        ),
    );
    if (page.count > shown.length) {
        results.append(
            h(
                "p",
                { class: "hint", id: "users-more" },
                `Showing the first ${shown.length} of ${page.count} users, by username. Search to find the others.`,
            ),
        );
    }
}

function createForm(context, changed) {
    const form = h(
        "form",
        { class: "card", id: "create-user-form", novalidate: true, "aria-labelledby": "create-user-title" },
        h("h2", { id: "create-user-title" }, "Create a user"),
        h(
            "div",
            { class: "row" },
            field("Username", "username", { autocomplete: "off", autocapitalize: "none" }),
            field("Password", "password", { type: "password", autocomplete: "new-password" }, "At least 8 characters."),
        ),
        field("Roles", "roles", { autocomplete: "off" }, "Comma-separated, e.g. “staff, admin”. Optional."),
        h("button", { type: "submit", class: "primary" }, "Create user"),
    );
    form.addEventListener("submit", async (event) => {
        event.preventDefault();
        const request = {
            username: form.elements.username.value,
            password: form.elements.password.value,
            roles: parseRoles(form.elements.roles.value),
        };
        await busy(form, async () => {
            let created;
            try {
                created = await api("POST", "/api/users/", request);
            } catch (error) {
                showErrors(form, error);
                return;
            }
            form.reset();
            formMessage(form, `User ${created.username} created.`, "ok");
            await changed();
        });
    });
    return form;
}
