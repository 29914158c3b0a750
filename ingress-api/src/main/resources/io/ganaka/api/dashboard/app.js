// The single-page app: a hash router over the pages, the signed-in shell (navigation, live indicator, sign-out)
// and the live feed that keeps the shared dashboard current.
import { api, endSession, onSessionEnd, signedIn, refresh } from "./api.js";
import { $, navigate, say, takeFlash } from "./dom.js";
import { LiveFeed } from "./live.js";
import { pages } from "./pages.js";
import { acceptDashboard, forget, loadAccount, state } from "./state.js";

const LIVE_LABELS = { off: "Offline", connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…",
  offline: "Offline" };
const live = new LiveFeed(acceptDashboard, (value) => {
  $("live").dataset.state = value;
  $("live").textContent = LIVE_LABELS[value] || value;
});

let cleanup = null;
let generation = 0;

function parseHash() {
  const [path, query] = (location.hash.replace(/^#/, "") || "/dashboard").split("?");
  return { path, params: new URLSearchParams(query || "") };
}

function match(path) {
  for (const page of pages) {
    const found = page.path.exec(path);
    if (found) return { page, args: found.slice(1) };
  }
  return null;
}

async function route() {
  const mine = ++generation;
  if (cleanup) { cleanup(); cleanup = null; }
  const { path, params } = parseHash();
  const found = match(path);
  // A redirect replaces the address (no history entry, no hashchange) and renders the target at once.
  const redirect = (hash) => { history.replaceState(null, "", hash); return route(); };
  if (!found) return redirect("#/dashboard");
  if (found.page.public && signedIn()) return redirect("#/dashboard");
  if (!found.page.public && !signedIn()) return redirect("#/signin");
  if (!found.page.public && !state.me) {
    try {
      await loadAccount();
    } catch (e) {
      if (signedIn()) say(e.message, true);
      return;
    }
    live.start();
  }
  if (mine !== generation) return;
  shell();
  for (const link of document.querySelectorAll("#nav a")) {
    link.toggleAttribute("aria-current", link.getAttribute("href") === "#" + path);
    if (link.hasAttribute("aria-current")) link.setAttribute("aria-current", "page");
  }
  const main = $("main");
  main.replaceChildren();
  document.title = `${found.page.title} · Ganaka`;
  try {
    cleanup = (await found.page.render(main, ...found.args, params)) || null;
  } catch (e) {
    say(e.message, true);
  }
  if (mine !== generation && cleanup) { cleanup(); cleanup = null; }
}

function shell() {
  const inside = signedIn();
  $("nav").hidden = !inside;
  $("sign-out").hidden = !inside;
  $("live").hidden = !inside;
}

onSessionEnd((reason) => {
  live.stop();
  forget();
  shell();
  navigate("#/signin", reason || "Signed out.");
});

$("sign-out").addEventListener("click", async () => {
  const stored = JSON.parse(sessionStorage.getItem("ganaka.session") || "null");
  try {
    await api("POST", "/auth/logout", stored ? { refreshToken: stored.refreshToken } : undefined);
  } catch (e) {
    // Signing out locally is what the user asked for, whatever the server answered.
  }
  endSession("Signed out. See you soon.");
});

// A navigation focuses the page's content, so keyboard and screen-reader users start where the page starts.
window.addEventListener("hashchange", async () => {
  say(takeFlash() || "");
  await route();
  $("main").focus({ preventScroll: true });
});

// A tab reopened with a stored session refreshes first: its access token has most likely expired meanwhile.
(async () => {
  if (signedIn()) await refresh();
  shell();
  route();
})();
