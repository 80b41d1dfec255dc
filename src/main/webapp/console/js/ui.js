// Small DOM helpers. Text always goes in as text nodes (never innerHTML), so nothing the API
// returns can become markup; styles are classes only, as the Content-Security-Policy forbids
// inline ones.

/**
 * h("p", {class: "x", onclick: fn}, "text", child) creates an element. Attributes starting with
 * "on" become listeners; false/null/undefined attributes and children are left out.
 */
export function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value === false || value === null || value === undefined) {
            continue;
        }
        if (name.startsWith("on") && typeof value === "function") {
            element.addEventListener(name.slice(2), value);
        } else if (value === true) {
            element.setAttribute(name, "");
        } else {
            element.setAttribute(name, String(value));
        }
    }
    append(element, children);
    return element;
}

function append(element, children) {
    for (const child of children.flat(Infinity)) {
        if (child === false || child === null || child === undefined) {
            continue;
        }
        element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
}

let ids = 0;

/** A labelled input with a place for its field errors (aria-describedby, aria-invalid). */
export function field(label, name, attributes = {}, hint = "") {
    const id = `f${++ids}-${name}`;
    const input = h("input", { id, name, ...attributes });
    const error = h("p", { class: "field-error", id: `${id}-error`, hidden: true });
    const hintElement = hint ? h("p", { class: "hint", id: `${id}-hint` }, hint) : null;
    input.setAttribute("aria-describedby", [hintElement && hintElement.id, error.id].filter(Boolean).join(" "));
    return h("div", { class: "field", "data-field": name }, h("label", { for: id }, label), input, hintElement, error);
}

/** A labelled select. options: [[value, text], …]. */
export function select(label, name, options, selected) {
    const id = `f${++ids}-${name}`;
    const element = h(
        "select",
        { id, name },
        options.map(([value, text]) => h("option", { value, selected: value === selected }, text)),
    );
    const error = h("p", { class: "field-error", id: `${id}-error`, hidden: true });
    element.setAttribute("aria-describedby", error.id);
    return h("div", { class: "field", "data-field": name }, h("label", { for: id }, label), element, error);
}

/**
 * Shows DRF's field errors next to their fields, and the rest (non_field_errors, detail, fields
 * the form does not have) in the form's own message box. Returns whether any field got one.
 */
export function showErrors(form, error) {
    clearErrors(form);
    const fields = error.fields || {};
    let placed = false;
    const leftOver = [];
    for (const [name, messages] of Object.entries(fields)) {
        const container = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
        if (name === "non_field_errors" || !container) {
            leftOver.push(...messages);
            continue;
        }
        const input = container.querySelector("input, select, textarea");
        const box = container.querySelector(".field-error");
        box.textContent = messages.join(" ");
        box.hidden = false;
        input.setAttribute("aria-invalid", "true");
        if (!placed) {
            input.focus();
        }
        placed = true;
    }
    const message = leftOver.length ? leftOver.join(" ") : placed ? "" : error.message;
    formMessage(form, message, "error");
    return placed;
}

export function clearErrors(form) {
    for (const box of form.querySelectorAll(".field-error")) {
        box.textContent = "";
        box.hidden = true;
    }
    for (const input of form.querySelectorAll("[aria-invalid]")) {
        input.removeAttribute("aria-invalid");
    }
    formMessage(form, "");
}

/** The form's own message line (role=alert for errors, so screen readers announce it). */
export function formMessage(form, text, kind = "error") {
    let box = form.querySelector(":scope > .form-message");
    if (!box) {
        box = h("p", { class: "form-message" });
        form.prepend(box);
    }
    box.textContent = text;
    box.className = `form-message ${kind}`;
    box.setAttribute("role", kind === "error" ? "alert" : "status");
    box.hidden = !text;
}

/**
 * A page-wide message under the header (success or failure), announced politely. It is cleared
 * by the next navigation, unless it was shown on the way to that navigation (keep).
 */
export function notice(text, kind = "ok", keep = false) {
    const box = document.getElementById("notice");
    box.textContent = text;
    box.className = `notice ${kind}`;
    box.hidden = !text;
    if (keep) {
        box.dataset.keep = "true";
    } else {
        delete box.dataset.keep;
    }
}

/** Called on navigation: clears the notice unless it was meant for the page being opened. */
export function navigated() {
    const box = document.getElementById("notice");
    if (box.dataset.keep) {
        delete box.dataset.keep;
    } else {
        notice("");
    }
}

/** Disables a form while its request runs, so a double click does not send it twice. */
export async function busy(form, action) {
    const controls = [...form.querySelectorAll("button, input, select")];
    const before = controls.map((control) => control.disabled);
    controls.forEach((control) => {
        control.disabled = true;
    });
    form.setAttribute("aria-busy", "true");
    try {
        return await action();
    } finally {
        controls.forEach((control, index) => {
            control.disabled = before[index];
        });
        form.removeAttribute("aria-busy");
    }
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** A <time> element for an ISO instant, or the given text for null (never, not yet). */
export function when(instant, none = "—") {
    if (!instant) {
        return none;
    }
    const date = new Date(instant);
    if (Number.isNaN(date.getTime())) {
        return String(instant);
    }
    return h("time", { datetime: date.toISOString(), title: date.toISOString() }, dateFormat.format(date));
}

/** A table whose cells carry their column's name, so that narrow screens can stack them. */
export function table(caption, columns, rows, empty) {
    if (!rows.length) {
        return h("p", { class: "empty" }, empty);
    }
    return h(
        "div",
        { class: "table-wrap" },
        h(
            "table",
            {},
            h("caption", { class: "visually-hidden" }, caption),
            h("thead", {}, h("tr", {}, columns.map((column) => h("th", { scope: "col" }, column)))),
            h(
                "tbody",
                {},
                rows.map((cells) =>
                    h("tr", {}, cells.map((cell, index) => h("td", { "data-label": columns[index] }, cell))),
                ),
            ),
        ),
    );
}

/** A key shown once: read-only, selected, with a copy button and a warning. */
export function oneTimeKey(title, key) {
    const id = `key${++ids}`;
    const input = h("input", {
        id,
        class: "key",
        value: key,
        readonly: true,
        spellcheck: "false",
        autocomplete: "off",
    });
    const status = h("span", { class: "copy-status", role: "status", "aria-live": "polite" });
    const copy = h(
        "button",
        {
            type: "button",
            onclick: async () => {
                input.select();
                try {
                    await navigator.clipboard.writeText(key);
                    status.textContent = "Copied.";
                } catch (notAllowed) {
                    // No clipboard API (plain HTTP on a remote host): the key is selected for Ctrl+C.
                    status.textContent = "Press Ctrl+C (⌘C) to copy the selected key.";
                }
            },
        },
        "Copy",
    );
    return h(
        "section",
        { class: "one-time-key", "aria-labelledby": `${id}-title` },
        h("h3", { id: `${id}-title` }, title),
        h("p", { class: "warning" }, "Copy this key now: it will not be shown again."),
        h("label", { for: id, class: "visually-hidden" }, "Key"),
        h("div", { class: "key-row" }, input, copy),
        status,
    );
}

/** Asks before something that cannot be undone (window.confirm: keyboard and screen-reader friendly). */
export function confirmed(question) {
    return window.confirm(question);
}
