import { api } from "../api.js";
import { busy, clearErrors, confirmed, field, h, notice, oneTimeKey, select, showErrors, table, when } from "../ui.js";

export const title = "My tokens";

/** Lifetimes offered (ISO-8601 durations, as POST /api/auth-tokens/ takes them). */
export const LIFETIMES = [
    ["P7D", "7 days"],
    ["P30D", "30 days"],
    ["P90D", "90 days"],
    ["P365D", "1 year"],
    ["never", "Never expires"],
];

export async function render(context) {
    const list = h("div", { id: "token-list" });
    const created = h("div", { id: "new-key" });
    const page = h(
        "section",
        { class: "page" },
        h("h1", {}, "My tokens"),
        h(
            "p",
            { class: "lead" },
            "Personal API tokens for scripts and CI: send one as ",
            h("code", {}, "Authorization: Token <key>"),
            ".",
        ),
        createForm(created, () => refresh(list, context)),
        created,
        h("h2", {}, "Your tokens"),
        list,
    );
    await refresh(list, context);
    return page;
}

async function refresh(list, context) {
    const tokens = await api("GET", "/api/auth-tokens/");
    list.replaceChildren(
        tokenTable(tokens, "Your API tokens", "You have no API tokens.", async (token) => {
            await api("DELETE", `/api/auth-tokens/${encodeURIComponent(token.id)}/`);
            notice(`Token “${token.name}” revoked.`);
            await refresh(list, context);
        }),
    );
}

/** A token list with a Revoke button per token; shared with the admin's user page. */
export function tokenTable(tokens, caption, empty, revoke) {
    return table(
        caption,
        ["Name", "Created", "Expires", "Last used", ""],
        tokens.map((token) => [
            token.name,
            when(token.created),
            when(token.expires, "never"),
            when(token.last_used, "never"),
            h(
                "button",
                {
                    type: "button",
                    class: "danger small",
                    "aria-label": `Revoke token ${token.name}`,
                    "data-token": token.name,
                    onclick: async (event) => {
                        const button = event.currentTarget;
                        if (!confirmed(`Revoke the token “${token.name}”? Programs using it will be refused.`)) {
                            return;
                        }
                        button.disabled = true;
                        try {
                            await revoke(token);
                        } catch (error) {
                            notice(error.message, "error");
                            button.disabled = false;
                        }
                    },
                },
                "Revoke",
            ),
        ]),
        empty,
    );
}

function createForm(created, changed) {
    const form = h(
        "form",
        { class: "card", id: "token-form", novalidate: true, "aria-labelledby": "token-form-title" },
        h("h2", { id: "token-form-title" }, "Create a token"),
        h(
            "div",
            { class: "row" },
            field("Name", "name", { autocomplete: "off", maxlength: 100 }, "What it is for, e.g. “ci” or “laptop”."),
            select("Lifetime", "expires_in", LIFETIMES, "P30D"),
        ),
        h("button", { type: "submit", class: "primary" }, "Create token"),
    );
    form.addEventListener("submit", async (event) => {
        event.preventDefault();
        const request = { name: form.elements.name.value, expires_in: form.elements.expires_in.value };
        await busy(form, async () => {
            let issued;
            try {
                issued = await api("POST", "/api/auth-tokens/", request);
            } catch (error) {
                showErrors(form, error);
                return;
            }
            form.reset();
            clearErrors(form);
            created.replaceChildren(oneTimeKey(`Your new token “${issued.name}”`, issued.token));
            created.querySelector("input").select();
            await changed();
        });
    });
    return form;
}
