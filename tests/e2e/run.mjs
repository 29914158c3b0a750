// The dashboard in a real browser: Debian's Chromium driven by playwright-core against a running Ganaka (its URL in
// GANAKA_BASE_URL). One user's journey: sign up, add an expense, watch the total and the chart change live when an
// expense arrives through the API, move an expense to another category, import a CSV, visit every page and sign out.
// Every page is saved as a screenshot in GANAKA_SCREENSHOTS; any console error or page error fails the run.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const BASE = (process.env.GANAKA_BASE_URL || "http://127.0.0.1:8080").replace(/\/$/, "");
const SHOTS = process.env.GANAKA_SCREENSHOTS || join(process.cwd(), "..", "..", "target", "e2e-screenshots");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
// How long the pipeline (NATS, bridge, Kafka, topologies, sinks) may take to show a change; a condition, not a sleep.
const PIPELINE = Number(process.env.GANAKA_E2E_PIPELINE_MS || 60000);
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

mkdirSync(SHOTS, { recursive: true });

const email = `e2e-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
const password = "a long enough passphrase for e2e";
const today = new Date().toISOString().slice(0, 10);
const now = () => new Date(Date.now() - 60000).toISOString();

async function call(method, path, token, body) {
  const response = await fetch(BASE + path, { method, body: body && JSON.stringify(body),
    headers: { "Content-Type": "application/json", Accept: "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) } });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Polls a condition from outside the browser until it holds or the deadline passes. */
async function until(what, condition, timeout = PIPELINE) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test("a user's journey through the dashboard, live, on desktop and phone", { timeout: 240000 }, async () => {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"] });
  const problems = [];
  let expected = null; // a console error a step provokes on purpose
  let tokens = null;
  try {
    const context = await browser.newContext({ viewport: DESKTOP, locale: "en-US", timezoneId: "UTC" });
    const page = await context.newPage();
    page.setDefaultTimeout(20000);
    page.on("console", (message) => {
      if (message.type() === "error" && !(expected && expected.test(message.text()))) problems.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    const shot = async (name) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    const waitFor = (selector, hasText, timeout) => page.locator(selector, hasText ? { hasText } : {}).first().waitFor({ timeout });
    const nav = (name) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true }).click();
    const total = (text) => waitFor("#month-total .big", text, PIPELINE);

    await step("the sign-in and sign-up pages", async () => {
      await page.goto(BASE + "/");
      await page.getByRole("heading", { name: "Sign in" }).waitFor();
      // The skip link comes first for keyboard users.
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement.textContent), "Skip to content");
      await shot("01-sign-in");
      await page.getByRole("link", { name: "Create an account" }).click();
      await page.getByRole("heading", { name: "Create an account" }).waitFor();
      await shot("02-sign-up");
    });

    await step("sign up lands on an empty dashboard that is live", async () => {
      await page.getByLabel("Your name (optional)").fill("Asha");
      await page.getByLabel("E-mail").fill(email);
      await page.getByLabel("Password (12 characters or more)").fill(password);
      await page.getByRole("button", { name: "Create account" }).click();
      await page.getByRole("heading", { name: /^Dashboard/ }).waitFor();
      await waitFor("#live[data-state=live]", "Live");
      await waitFor("#month-total", "No expenses this month yet");
      await shot("03-dashboard-empty");
    });

    await step("add an expense from the form; the dashboard shows it", async () => {
      await nav("Add expense");
      await page.getByLabel("Amount").fill("12.40");
      await page.getByLabel("Currency (ISO code)").fill("EUR");
      await page.getByLabel("Description").fill("Zqx widget");
      await shot("04-expense-new");
      await page.getByRole("button", { name: "Add expense" }).click();
      await page.getByRole("heading", { name: /^Dashboard/ }).waitFor();
      await total("€12.40");
      await waitFor("#latest a", "Zqx widget", PIPELINE);
    });

    await step("an expense added through the API appears live: total, chart and list, without a reload", async () => {
      await page.evaluate(() => { window.notReloaded = true; });
      tokens = await call("POST", "/auth/login", null, { email, password });
      await call("POST", "/expenses", tokens.accessToken,
        { amount: "30.00", currency: "EUR", description: "Qpv gadget", occurredAt: now() });
      await total("€42.40");
      await waitFor('#monthly-chart[aria-label*="€42.40"]', null, PIPELINE);
      await waitFor("#latest a", "Qpv gadget", PIPELINE);
      assert.equal(await page.evaluate(() => window.notReloaded), true, "the page was not reloaded");
      await shot("05-dashboard-live");
    });

    await step("an expense added in another tab (its own sign-in) appears live in the first", async () => {
      const other = await context.newPage();
      other.on("console", (message) => { if (message.type() === "error") problems.push(`other tab console: ${message.text()}`); });
      other.on("pageerror", (error) => problems.push(`other tab page error: ${error.message}`));
      await other.goto(BASE + "/#/signin");
      await other.getByLabel("E-mail").fill(email);
      await other.getByLabel("Password").fill(password);
      await other.getByRole("button", { name: "Sign in" }).click();
      await other.getByRole("heading", { name: /^Dashboard/ }).waitFor();
      await other.goto(BASE + "/#/expenses/new");
      await other.getByLabel("Amount").fill("5.00");
      await other.getByLabel("Description").fill("Tab gizmo");
      await other.getByRole("button", { name: "Add expense" }).click();
      await other.getByRole("heading", { name: /^Dashboard/ }).waitFor();
      await total("€47.40");
      await waitFor("#latest a", "Tab gizmo", PIPELINE);
      assert.equal(await page.evaluate(() => window.notReloaded), true, "the page was not reloaded");
      await other.close();
    });

    await step("moving an expense to another category moves the breakdown", async () => {
      await waitFor('#breakdown tr[data-category="Uncategorized"]', "€47.40", PIPELINE);
      const link = page.locator("#latest a", { hasText: "Zqx widget" });
      const id = (await link.getAttribute("href")).split("/").pop();
      await until("the expense readable", async () => (await fetch(`${BASE}/expenses/${id}`,
        { headers: { Authorization: `Bearer ${tokens.accessToken}` } })).ok);
      await link.click();
      await page.getByRole("heading", { name: "Edit expense" }).waitFor();
      await shot("06-expense-edit");
      await page.getByLabel("Category").selectOption({ label: "Dining" });
      await page.getByRole("button", { name: "Save changes" }).click();
      await waitFor('#breakdown tr[data-category="Dining"]', "€12.40", PIPELINE);
      await waitFor('#breakdown tr[data-category="Uncategorized"]', "€35.00", PIPELINE);
      await waitFor('#category-chart[aria-label*="Dining €12.40"]', null, PIPELINE);
      await total("€47.40");
    });

    await step("import a small CSV, follow its progress and see the totals", async () => {
      await nav("Import");
      const csv = ["date,amount,currency,description",
        `${today},10.00,EUR,Imported one`, `${today},20.00,EUR,Imported two`,
        `${today},30.00,EUR,Imported three`, `${today},40.00,EUR,Imported four`].join("\n") + "\n";
      await page.getByLabel(/^File/).setInputFiles({ name: "expenses.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
      await page.getByRole("button", { name: "Upload and import" }).click();
      await waitFor('#import-status [data-status="completed"]', "4 imported", PIPELINE);
      await shot("07-import");
      await nav("Dashboard");
      await total("€147.40");
      await waitFor('#monthly-chart[aria-label*="€147.40"]', null, PIPELINE);
    });

    await step("set a budget and see its progress on the dashboard", async () => {
      await nav("Budgets");
      await page.getByRole("heading", { name: "Budgets" }).waitFor();
      const line = page.locator("tbody tr").first();
      await line.getByLabel("Category").selectOption({ label: "Dining" });
      await line.getByLabel("Currency").fill("EUR");
      await line.getByLabel("Amount").fill("100.00");
      await page.getByRole("button", { name: /^Save for / }).click();
      await waitFor("#message", "saved");
      await shot("08-budgets");
      await nav("Dashboard");
      await waitFor("#budgets", "Dining: €12.40 of €100.00");
      await shot("09-dashboard-desktop");
    });

    await step("the expense list filters and pages", async () => {
      await until("all seven expenses listed", async () =>
        (await call("GET", "/expenses?limit=50", tokens.accessToken)).items.length === 7);
      await nav("Expenses");
      await waitFor("#expense-list td", "Zqx widget");
      await page.getByLabel("Text").fill("zqx");
      await page.getByRole("button", { name: "Apply filters" }).click();
      await waitFor('#expense-list[data-query*="q=zqx"]');
      assert.equal(await page.locator("#expense-list tbody tr").count(), 1);
      await shot("10-expenses-filtered");
      await page.getByLabel("Text").fill("");
      await page.getByLabel("Per page").selectOption("5");
      await page.getByRole("button", { name: "Apply filters" }).click();
      await waitFor('#expense-list[data-query="limit=5"][data-page="1"]');
      assert.equal(await page.locator("#expense-list tbody tr").count(), 5);
      await page.getByRole("button", { name: "Next page" }).click();
      await waitFor('#expense-list[data-page="2"]');
      assert.equal(await page.locator("#expense-list tbody tr").count(), 2);
      await shot("11-expenses-page-2");
    });

    await step("categories and rules", async () => {
      await nav("Categories & rules");
      await page.getByLabel("Name", { exact: true }).first().fill("Pets");
      await page.getByRole("button", { name: "Add category" }).click();
      await waitFor("td", "Pets");
      await page.getByLabel("Name", { exact: true }).nth(1).fill("Vet bills");
      await page.getByLabel("Value").fill("vet");
      await page.getByLabel("Set category").selectOption({ label: "Pets" });
      await page.getByRole("button", { name: "Add rule" }).click();
      await waitFor("td", "Vet bills");
      await shot("12-categories-rules");
    });

    await step("notification history", async () => {
      await nav("Notifications");
      await page.getByRole("heading", { name: "Notifications" }).waitFor();
      await waitFor("#notification-list table, #notification-list .empty");
      await shot("13-notifications");
    });

    await step("profile and preferences", async () => {
      await nav("Profile");
      await page.getByLabel("Display name").fill("Asha Rao");
      await page.getByLabel("Default currency").fill("EUR");
      await page.getByRole("button", { name: "Save profile" }).click();
      await waitFor("#message", "Profile saved.");
      assert.equal(await page.getByLabel("Display name").inputValue(), "Asha Rao");
      await shot("14-profile");
    });

    await step("an access token the server refuses is renewed silently, and the request retried", async () => {
      await nav("Dashboard");
      await page.getByRole("heading", { name: /^Dashboard/ }).waitFor();
      let refused = false;
      await page.route("**/users/*", async (route) => {
        if (refused) return route.continue();
        refused = true;
        return route.fulfill({ status: 401, contentType: "application/problem+json",
          body: JSON.stringify({ type: "about:blank", title: "Unauthorized", status: 401, detail: "token expired" }) });
      });
      expected = /status of 401/;
      const renewed = page.waitForRequest((r) => r.url().endsWith("/auth/refresh") && r.method() === "POST");
      await nav("Profile");
      await renewed;
      await page.getByLabel("Display name").waitFor();
      assert.equal(await page.getByLabel("Display name").inputValue(), "Asha Rao");
      assert.equal(refused, true);
      await page.unroute("**/users/*");
      expected = null;
      await nav("Dashboard");
      await waitFor("#live[data-state=live]", "Live");
    });

    await step("the dashboard and the list fit a phone", async () => {
      await page.setViewportSize(PHONE);
      await nav("Dashboard");
      await total("€147.40");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the dashboard scrolls sideways on a phone by ${overflow}px`);
      await shot("15-dashboard-phone");
      await nav("Expenses");
      await waitFor("#expense-list td", "Zqx widget");
      await shot("16-expenses-phone");
      await page.setViewportSize(DESKTOP);
    });

    await step("sign out", async () => {
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.getByRole("heading", { name: "Sign in" }).waitFor();
      await waitFor("#message", "Signed out");
      assert.equal(await page.locator("#nav").isHidden(), true);
      await shot("17-signed-out");
    });

    assert.deepEqual(problems, [], "the browser reported errors");
  } finally {
    await browser.close();
  }
});

async function step(name, action) {
  const started = Date.now();
  try {
    await action();
  } catch (e) {
    console.log(`  ✗ ${name}`);
    throw e;
  }
  console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
}
