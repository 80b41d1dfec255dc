// The one way the console talks to the server: the public JSON API, authenticated by the
// session cookies the server sets (HttpOnly: this code never sees a token). Unsafe requests echo
// the csrftoken cookie in X-CSRFToken (double submit, as Django's CSRF check expects); a 401 is
// answered by one silent refresh and a retry; every failure becomes an ApiError with a message a
// person can act on.

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** A failed request: the status (0 when the server could not be reached) and DRF's body. */
export class ApiError extends Error {
    constructor(status, body, message) {
        super(message);
        this.status = status;
        this.body = body || {};
    }

    /** DRF's field errors ({"field": ["message", …]}), or an empty object. */
    get fields() {
        const fields = {};
        for (const [name, value] of Object.entries(this.body)) {
            if (name !== "detail" && name !== "code" && name !== "messages" && Array.isArray(value)) {
                fields[name] = value.map(String);
            }
        }
        return fields;
    }
}

/** The session is over (signed out elsewhere, deactivated, expired): the console asks to sign in. */
export class SessionEnded extends ApiError {}

let sessionEnded = () => {};
let refreshing = null;

/** Called with the SessionEnded error when the session cannot be refreshed any more. */
export function onSessionEnded(callback) {
    sessionEnded = callback;
}

export function csrfToken() {
    for (const part of document.cookie.split(";")) {
        const [name, ...value] = part.trim().split("=");
        if (name === "csrftoken") {
            return decodeURIComponent(value.join("="));
        }
    }
    return "";
}

async function send(method, path, body) {
    const headers = { Accept: "application/json" };
    if (body !== undefined) {
        headers["Content-Type"] = "application/json";
    }
    if (UNSAFE.has(method)) {
        if (!csrfToken() && path !== "/api/session/") {
            // The cookie was cleared meanwhile: ask for a new one rather than fail with a 403.
            await send("GET", "/api/session/");
        }
        headers["X-CSRFToken"] = csrfToken();
    }
    let response;
    try {
        response = await fetch(path, {
            method,
            headers,
            body: body === undefined ? undefined : JSON.stringify(body),
            credentials: "same-origin",
            cache: "no-store",
            redirect: "error",
        });
    } catch (unreachable) {
        throw new ApiError(0, {}, "The server cannot be reached. Check your connection and try again.");
    }
    let data = {};
    let text;
    try {
        text = await response.text();
    } catch (cutOff) {
        // The connection broke after the status line (a server restart, a proxy timeout): the
        // same as no answer at all, and never an uncaught TypeError on the page.
        throw new ApiError(0, {}, "The server cannot be reached. Check your connection and try again.");
    }
    if (text) {
        try {
            data = JSON.parse(text);
        } catch (notJson) {
            data = {};
        }
    }
    return { response, data };
}

/** Human words for a failed answer; DRF's own detail where it says more than the status. */
export function describe(status, data, retryAfter) {
    const detail = typeof data.detail === "string" ? data.detail : "";
    switch (status) {
        case 0:
            return "The server cannot be reached. Check your connection and try again.";
        case 400:
            return detail || firstFieldMessage(data) || "Please correct the highlighted fields.";
        case 401:
            return "Your session has ended. Please sign in again.";
        case 403:
            return detail.startsWith("CSRF Failed")
                ? "The page's security token is missing or stale. Reload the page and try again."
                : "You do not have permission to do this.";
        case 404:
            return "Not found: it may have been deleted meanwhile.";
        case 429: {
            const seconds = Number.parseInt(retryAfter || "", 10);
            return Number.isFinite(seconds)
                ? `Too many attempts. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`
                : "Too many attempts. Try again later.";
        }
        case 503:
            return "The service is temporarily unavailable. Try again in a moment.";
        default:
            return detail || `The server answered ${status}. Try again; if it persists, tell an administrator.`;
    }
}

function firstFieldMessage(data) {
    const messages = data.non_field_errors;
    return Array.isArray(messages) && messages.length ? String(messages[0]) : "";
}

function failure(response, data) {
    return new ApiError(response.status, data, describe(response.status, data, response.headers.get("Retry-After")));
}

/** Refreshes the session cookies once, however many requests found them expired at the same time. */
export function refresh() {
    if (!refreshing) {
        refreshing = send("POST", "/api/session/refresh/")
            .then(({ response }) => response.ok)
            .catch(() => false)
            .finally(() => {
                refreshing = null;
            });
    }
    return refreshing;
}

/**
 * One API call. Resolves to the parsed body (an empty object for 204); rejects with an ApiError,
 * or a SessionEnded error (after telling onSessionEnded) when the session is gone for good.
 */
export async function api(method, path, body) {
    let { response, data } = await send(method, path, body);
    if (response.status === 401 && !path.startsWith("/api/session/")) {
        if (await refresh()) {
            ({ response, data } = await send(method, path, body));
        }
        if (response.status === 401) {
            const ended = new SessionEnded(401, data, describe(401, data));
            sessionEnded(ended);
            throw ended;
        }
    }
    if (!response.ok) {
        throw failure(response, data);
    }
    return data;
}

/** Makes sure the csrftoken cookie exists (the server sets it on this request if it does not). */
export async function session() {
    const { response, data } = await send("GET", "/api/session/");
    if (!response.ok) {
        throw failure(response, data);
    }
    return data;
}

export async function signIn(username, password) {
    if (!csrfToken()) {
        await session();
    }
    const { response, data } = await send("POST", "/api/session/", { username, password });
    if (response.status === 401) {
        throw new ApiError(401, data, "Wrong username or password, or the account is inactive.");
    }
    if (!response.ok) {
        throw failure(response, data);
    }
    return data;
}

export async function signOut() {
    const { response, data } = await send("DELETE", "/api/session/refresh/");
    if (!response.ok) {
        throw failure(response, data);
    }
    return data;
}
