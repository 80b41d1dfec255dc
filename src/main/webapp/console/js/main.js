// The console's entry point: finds out who is signed in, routes #/page URLs to the pages, keeps
// the navigation in step with the caller's roles, and makes sure that whatever fails, the page
// says so instead of going blank.

import { api, onSessionEnded, session, signOut, SessionEnded } from "./api.js";
import { h, navigated, notice } from "./ui.js";
import * as account from "./pages/account.js";
import * as signin from "./pages/signin.js";
import * as tokens from "./pages/tokens.js";
import * as user from "./pages/user.js";
import * as users from "./pages/users.js";

const state = { me: null };
const main = document.getElementById("main");

/** What the pages may use: the caller, navigation, a reload of the caller after a change. */
const context = {
    get me() {
        return state.me;
    },
    go(hash) {
        if (location.hash === hash) {
            route();
        } else {
            location.hash = hash;
        }
    },
    async signedIn() {
        await loadMe();
        context.go("#/account");
    },
    async reloadMe() {
        await loadMe();
    },
    ended(message) {
        endSession(message);
    },
};

const routes = [
    { pattern: /^#\/signin$/, page: signin, open: true },
    { pattern: /^#\/account$/, page: account },
    { pattern: /^#\/tokens$/, page: tokens },
    { pattern: /^#\/users$/, page: users, role: "admin" },
    { pattern: /^#\/users\/(.+)$/, page: user, role: "admin" },
];

function isAdmin() {
    return Boolean(state.me && state.me.roles.includes("admin"));
}

async function loadMe() {
    state.me = await api("GET", "/api/users/me/");
    updateNav();
}

function updateNav() {
    const nav = document.getElementById("nav");
    nav.hidden = !state.me;
    document.getElementById("nav-users").hidden = !isAdmin();
    document.getElementById("who").textContent = state.me ? state.me.username : "";
    const current = location.hash.split("/")[1] || "";
    for (const link of nav.querySelectorAll("a[data-page]")) {
        if (link.dataset.page === current) {
            link.setAttribute("aria-current", "page");
        } else {
            link.removeAttribute("aria-current");
        }
    }
}

function endSession(message) {
    const wasSignedIn = Boolean(state.me);
    state.me = null;
    updateNav();
    signin.pending(wasSignedIn ? message : "");
    if (location.hash !== "#/signin") {
        location.hash = "#/signin";
    } else {
        route();
    }
}

onSessionEnded((error) => endSession(error.message));

let rendering = 0;

async function route() {
    const hash = location.hash || (state.me ? "#/account" : "#/signin");
    const match = routes.map((entry) => ({ entry, found: entry.pattern.exec(hash) })).find((m) => m.found);
    if (!match) {
        context.go(state.me ? "#/account" : "#/signin");
        return;
    }
    const { entry, found } = match;
    if (!entry.open && !state.me) {
        context.go("#/signin");
        return;
    }
    if (entry.open && state.me) {
        context.go("#/account");
        return;
    }
    if (entry.role && !state.me.roles.includes(entry.role)) {
        notice("That page is for administrators.", "error", true);
        context.go("#/account");
        return;
    }
    const ticket = ++rendering;
    updateNav();
    let content;
    try {
        content = await entry.page.render(context, ...found.slice(1).map(decodeURIComponent));
    } catch (error) {
        if (error instanceof SessionEnded) {
            return;
        }
        content = failed(error);
    }
    if (ticket !== rendering) {
        return; // the user moved on while this page loaded
    }
    main.replaceChildren(content);
    document.title = `${entry.page.title} · restauth console`;
    const heading = main.querySelector("h1");
    if (heading) {
        heading.setAttribute("tabindex", "-1");
        heading.focus();
    }
}

function failed(error) {
    return h(
        "section",
        { class: "page" },
        h("h1", {}, "This page could not be loaded"),
        h("p", { class: "error", role: "alert" }, error.message || "Something went wrong."),
        h("p", {}, h("button", { type: "button", onclick: () => route() }, "Try again")),
    );
}

document.getElementById("sign-out").addEventListener("click", async () => {
    try {
        await signOut();
        notice("You are signed out.", "ok", true);
    } catch (error) {
        notice(error.message, "error", true);
    }
    state.me = null;
    updateNav();
    context.go("#/signin");
});

window.addEventListener("hashchange", () => {
    navigated();
    route();
});

// Last line of defence: a bug in a page shows up as a message, never as a blank or frozen page.
window.addEventListener("error", () => notice("Something went wrong on this page. Reload it to try again.", "error"));
window.addEventListener("unhandledrejection", (event) => {
    if (!(event.reason instanceof SessionEnded)) {
        notice((event.reason && event.reason.message) || "Something went wrong. Reload the page to try again.", "error");
    }
});

async function start() {
    try {
        await session();
    } catch (error) {
        document.getElementById("boot-message").textContent = error.message;
        document.getElementById("boot-message").className = "error";
        return;
    }
    try {
        await loadMe();
    } catch (error) {
        if (error instanceof SessionEnded) {
            return; // nobody is signed in: endSession has opened the sign-in page
        }
        document.getElementById("boot-message").textContent = error.message;
        document.getElementById("boot-message").className = "error";
        return;
    }
    route();
}

start();
