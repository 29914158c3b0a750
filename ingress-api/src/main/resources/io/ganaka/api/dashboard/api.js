// The API client: the session (kept per tab, so two tabs never race to rotate one refresh token), silent refresh of
// the access token before it expires and once on a 401, and problem+json errors turned into readable messages.
const KEY = "ganaka.session";
let session = JSON.parse(sessionStorage.getItem(KEY) || "null");
let refreshing = null;
let refreshTimer = null;
const listeners = new Set();

export class ApiError extends Error {
  constructor(status, problem) {
    super(describe(status, problem));
    this.status = status;
    this.problem = problem;
  }
}

// What went wrong, in words a person can act on: the problem's detail and each field's complaint.
function describe(status, problem) {
  if (status === 0) return "Cannot reach the server. Check your connection and try again.";
  const base = (problem && (problem.detail || problem.title)) || `The server answered ${status}.`;
  const fields = problem && problem.errors ? problem.errors.map((e) => `${e.field}: ${e.message}`).join("; ") : "";
  const retry = status === 429 || status === 503 ? " Please try again in a moment." : "";
  return (fields ? `${base} (${fields})` : base) + retry;
}

export const signedIn = () => session !== null;
export const onSessionEnd = (listener) => listeners.add(listener);

export function startSession(tokens) {
  session = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  scheduleRefresh(tokens.expiresIn);
}

export function endSession(reason) {
  clearTimeout(refreshTimer);
  session = null;
  sessionStorage.removeItem(KEY);
  for (const listener of listeners) listener(reason);
}

// Refresh a minute before the access token expires, so requests rarely meet a 401 at all.
function scheduleRefresh(expiresIn) {
  clearTimeout(refreshTimer);
  if (expiresIn) refreshTimer = setTimeout(() => refresh(), Math.max(10, expiresIn - 60) * 1000);
}

// One refresh at a time: concurrent 401s wait for the same rotation instead of spending the token twice.
export function refresh() {
  if (!session) return Promise.resolve(false);
  if (!refreshing) {
    refreshing = (async () => {
      const response = await send("POST", "/auth/refresh", { refreshToken: session.refreshToken }, {}, false);
      if (!response.ok) {
        endSession("Your session has ended. Please sign in again.");
        return false;
      }
      startSession(await response.json());
      return true;
    })().catch(() => false).finally(() => { refreshing = null; });
  }
  return refreshing;
}

async function send(method, path, body, headers, withToken) {
  const all = { Accept: "application/json", ...headers };
  let payload = body;
  if (body !== undefined && !(body instanceof FormData)) {
    all["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }
  if (withToken && session) all.Authorization = "Bearer " + session.accessToken;
  return fetch(path, { method, headers: all, body: payload });
}

/** Sends a request and answers {status, headers, data}; throws ApiError for anything but 2xx and 304. */
export async function request(method, path, body, headers = {}) {
  let response;
  try {
    response = await send(method, path, body, headers, true);
    if (response.status === 401 && session && !path.startsWith("/auth/login") && await refresh()) {
      response = await send(method, path, body, headers, true);
    }
  } catch (e) {
    throw new ApiError(0, null);
  }
  const text = response.status === 204 ? "" : await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
  if (!response.ok) throw new ApiError(response.status, data);
  return { status: response.status, headers: response.headers, data };
}

export const api = async (method, path, body, headers) => (await request(method, path, body, headers)).data;
