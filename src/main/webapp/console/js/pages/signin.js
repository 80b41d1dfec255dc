import { signIn } from "../api.js";
import { busy, field, formMessage, h, showErrors } from "../ui.js";

export const title = "Sign in";

let message = "";

/** A message for the next sign-in page (why the session ended). */
export function pending(text) {
    message = text;
}

export function render(context) {
    const form = h(
        "form",
        { class: "card", id: "signin-form", novalidate: true },
        field("Username", "username", { autocomplete: "username", required: true, autocapitalize: "none" }),
        field("Password", "password", { type: "password", autocomplete: "current-password", required: true }),
        h("button", { type: "submit", class: "primary" }, "Sign in"),
    );
    if (message) {
        formMessage(form, message, "error");
        message = "";
    }
    form.addEventListener("submit", async (event) => {
        event.preventDefault();
        const username = form.elements.username.value;
        const password = form.elements.password.value;
        await busy(form, async () => {
            try {
                await signIn(username, password);
            } catch (error) {
                showErrors(form, error);
                form.elements.password.value = "";
                return;
            }
            await context.signedIn();
        });
    });
    return h(
        "section",
        { class: "page narrow" },
        h("h1", {}, "Sign in"),
        h("p", { class: "lead" }, "Manage your account and API tokens."),
        form,
    );
}
