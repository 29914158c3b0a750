// Every page of the app, each a function that renders into <main> and may return a clean-up for when it is left.
import { api, endSession, request, startSession } from "./api.js";
import { dashboardPage, swatch } from "./dashboard.js";
import { confirmButton, empty, field, h, navigate, onSubmit, say } from "./dom.js";
import { date, dateTime, localInput, locale, money, setLocale } from "./format.js";
import { categoryName, loadCategories, mainCurrency, state } from "./state.js";

const input = (name, attributes = {}) => h("input", { name, id: `f-${name}`, ...attributes });
const categorySelect = (name, selected, noneLabel = "Uncategorized") => h("select", { name },
  h("option", { value: "" }, noneLabel),
  state.categories.map((c) => h("option", { value: c.id, selected: c.id === selected }, c.name)));
const table = (head, rows) => h("div", { class: "table-wrap" }, h("table", {},
  h("thead", {}, h("tr", {}, head.map(([text, cls]) => h("th", { class: cls }, text)))),
  rows instanceof HTMLTableSectionElement ? rows : h("tbody", {}, rows)));

// ---- sign in and sign up -----------------------------------------------------------------------------------------

function signInPage(main) {
  const form = onSubmit(h("form", { class: "stack" },
    field("E-mail", input("email", { type: "email", autocomplete: "username", required: true })),
    field("Password", input("password", { type: "password", autocomplete: "current-password", required: true })),
    h("button", {}, "Sign in")), async (data) => {
    startSession(await api("POST", "/auth/login", { email: data.get("email"), password: data.get("password") }));
    navigate("#/dashboard");
  });
  main.append(h("section", { class: "card auth" }, h("h1", {}, "Sign in"), form,
    h("p", {}, "New here? ", h("a", { href: "#/signup" }, "Create an account"), ".")));
}

function signUpPage(main) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  const form = onSubmit(h("form", { class: "stack" },
    field("Your name (optional)", input("displayName", { autocomplete: "name", maxlength: "100" })),
    field("E-mail", input("email", { type: "email", autocomplete: "username", required: true })),
    field("Password (12 characters or more)", input("password", { type: "password", autocomplete: "new-password",
      minlength: "12", required: true })),
    field("Time zone", input("timezone", { value: zone, required: true })),
    h("button", {}, "Create account")), async (data) => {
    const credentials = { email: data.get("email"), password: data.get("password") };
    const account = { ...credentials, timezone: data.get("timezone") };
    if (data.get("displayName")) account.displayName = data.get("displayName");
    await api("POST", "/auth/register", account);
    try {
      startSession(await api("POST", "/auth/login", credentials));
    } catch (e) {
      throw new Error("If this address already has an account, sign in with its password instead. " + e.message);
    }
    navigate("#/dashboard", "Welcome to Ganaka! Add your first expense or import a file.");
  });
  main.append(h("section", { class: "card auth" }, h("h1", {}, "Create an account"), form,
    h("p", {}, "Already have one? ", h("a", { href: "#/signin" }, "Sign in"), ".")));
}

// ---- expenses ----------------------------------------------------------------------------------------------------

const FILTERS = ["q", "from", "to", "categoryId", "currency", "minAmount", "maxAmount", "limit"];

async function expensesPage(main, params) {
  await loadCategories();
  const filters = onSubmit(h("form", { class: "inline", "aria-label": "Filters" },
    field("Text", input("q", { type: "search", value: params.get("q") || "" })),
    field("From", input("from", { type: "date", value: params.get("from") || "" })),
    field("Before", input("to", { type: "date", value: params.get("to") || "" })),
    field("Category", h("select", { name: "categoryId" }, h("option", { value: "" }, "Any"),
      h("option", { value: "none", selected: params.get("categoryId") === "none" }, "Uncategorized"),
      state.categories.map((c) => h("option", { value: c.id, selected: params.get("categoryId") === c.id }, c.name)))),
    field("Currency", input("currency", { value: params.get("currency") || "", maxlength: "3", size: "4" })),
    field("Min", input("minAmount", { inputmode: "decimal", size: "7", value: params.get("minAmount") || "" })),
    field("Max", input("maxAmount", { inputmode: "decimal", size: "7", value: params.get("maxAmount") || "" })),
    field("Per page", h("select", { name: "limit" }, ["5", "10", "20", "50", "100"].map((n) =>
      h("option", { value: n, selected: (params.get("limit") || "20") === n }, n)))),
    h("button", {}, "Apply filters")), async (data) => {
    const query = new URLSearchParams();
    for (const name of FILTERS) if (data.get(name)) query.set(name, data.get(name).trim());
    navigate(`#/expenses?${query}`);
  });
  const list = h("div", { id: "expense-list" });
  const pager = h("div", { class: "actions" });
  main.append(h("h1", {}, "Expenses"),
    h("div", { class: "actions" }, h("a", { href: "#/expenses/new" }, "Add expense"), h("a", { href: "/expenses/export?format=csv",
      id: "export" }, "Export CSV")),
    h("section", { class: "card" }, filters), h("section", { class: "card" }, list, pager));
  main.querySelector("#export").addEventListener("click", (event) => { event.preventDefault(); exportCsv(); });

  const query = new URLSearchParams();
  for (const name of FILTERS) if (params.get(name)) query.set(name, params.get(name));
  if (!query.has("limit")) query.set("limit", "20");
  for (const name of ["from", "to"]) if (query.has(name)) query.set(name, query.get(name));
  const cursors = [null];
  async function show(index) {
    const page = new URLSearchParams(query);
    if (cursors[index]) page.set("cursor", cursors[index]);
    const result = await api("GET", `/expenses?${page}`);
    cursors[index + 1] = result.nextCursor;
    // What the list shows, for whoever needs to know it is current (the browser tests do).
    Object.assign(list.dataset, { query: query.toString(), page: String(index + 1) });
    const filtered = [...query.keys()].some((k) => k !== "limit");
    list.replaceChildren(result.items.length ? table(
      [["Date"], ["Description"], ["Category", "hide-phone"], ["Amount", "num"]],
      result.items.map((e) => h("tr", {},
        h("td", {}, date(e.occurredAt)),
        h("td", {}, h("a", { href: `#/expenses/${e.id}` }, e.description), e.merchant ? h("span", { class: "muted" }, ` · ${e.merchant}`) : null),
        h("td", { class: "hide-phone" }, swatch(e.categoryId), categoryName(e.categoryId)),
        h("td", { class: "num" }, money(e.amount, e.currency)))))
      : empty(filtered ? "No expense matches these filters. Change or clear them." : "No expenses yet. ",
        filtered ? h("a", { href: "#/expenses" }, "Clear filters") : h("a", { href: "#/expenses/new" }, "Add one")));
    pager.replaceChildren(
      h("span", { class: "muted" }, `Page ${index + 1}`),
      h("button", { type: "button", class: "secondary", disabled: index === 0, onclick: () => show(index - 1).catch(fail) }, "Previous page"),
      h("button", { type: "button", class: "secondary", disabled: !result.nextCursor, onclick: () => show(index + 1).catch(fail) }, "Next page"));
  }
  await show(0);
}

const fail = (e) => say(e.message, true);

async function exportCsv() {
  try {
    const stored = JSON.parse(sessionStorage.getItem("ganaka.session") || "null");
    const response = await fetch("/expenses/export?format=csv", { headers: { Authorization: `Bearer ${stored.accessToken}` } });
    if (!response.ok) throw new Error("The export failed; sign in again and retry.");
    const link = h("a", { href: URL.createObjectURL(await response.blob()), download: "ganaka-expenses.csv" });
    link.click();
    URL.revokeObjectURL(link.href);
  } catch (e) { fail(e); }
}

async function expenseFormPage(main, id) {
  const editing = id !== "new";
  await loadCategories();
  let expense = { currency: mainCurrency(), occurredAt: new Date().toISOString(), tags: [] };
  let etag = null;
  if (editing) {
    try {
      const answer = await request("GET", `/expenses/${id}`);
      expense = answer.data;
      etag = answer.headers.get("ETag");
    } catch (e) {
      main.append(h("h1", {}, "Expense"), empty(e.status === 404
        ? "This expense is not there: it may have been deleted, or it was added a moment ago and is still on its way. "
        : e.message, h("a", { href: "#/expenses" }, "Back to the list")));
      return;
    }
  }
  const form = onSubmit(h("form", { class: "stack", "aria-label": editing ? "Edit expense" : "New expense" },
    field("Amount", input("amount", { inputmode: "decimal", required: true, value: expense.amount || "", placeholder: "12.34" })),
    field("Currency (ISO code)", input("currency", { required: true, maxlength: "3", value: expense.currency })),
    field("Description", input("description", { required: true, maxlength: "500", value: expense.description || "" })),
    field("Merchant (optional)", input("merchant", { value: expense.merchant || "" })),
    field("When", input("occurredAt", { type: "datetime-local", required: true, value: localInput(expense.occurredAt) })),
    field("Category", categorySelect("categoryId", expense.categoryId)),
    field("Tags (comma separated)", input("tags", { value: (expense.tags || []).join(", ") })),
    field("Notes", h("textarea", { name: "notes", rows: "2" }, expense.notes || "")),
    h("div", { class: "actions" }, h("button", {}, editing ? "Save changes" : "Add expense"),
      h("a", { href: "#/expenses" }, "Cancel"))), async (data) => {
    const body = {
      amount: data.get("amount").trim(),
      currency: data.get("currency").trim().toUpperCase(),
      description: data.get("description").trim(),
      occurredAt: new Date(data.get("occurredAt")).toISOString(),
      categoryId: data.get("categoryId") || null,
      tags: data.get("tags").split(",").map((t) => t.trim()).filter(Boolean),
      notes: data.get("notes"),
    };
    if (data.get("merchant").trim()) body.merchant = data.get("merchant").trim();
    // Wait (briefly) for the projection, so the next page already shows the change.
    const headers = { Prefer: "wait=5" };
    try {
      if (editing) await request("PUT", `/expenses/${id}`, body, { ...headers, "If-Match": etag });
      else await request("POST", "/expenses", body, { ...headers, "Idempotency-Key": crypto.randomUUID() });
    } catch (e) {
      if (e.status === 412) throw new Error("This expense was changed elsewhere meanwhile. Reload the page to edit the current version.");
      throw e;
    }
    navigate("#/dashboard", editing ? "Expense saved." : "Expense added.");
  });
  main.append(h("h1", {}, editing ? "Edit expense" : "Add an expense"), h("section", { class: "card" }, form));
  if (editing) {
    main.append(h("section", { class: "card" }, h("h2", {}, "Delete"),
      h("p", { class: "muted" }, "Deleting removes the expense from every total and report."),
      confirmButton("Delete expense", async () => {
        try {
          await request("DELETE", `/expenses/${id}`, undefined, { "If-Match": etag, Prefer: "wait=5" });
          navigate("#/expenses", "Expense deleted.");
        } catch (e) { fail(e); }
      })));
  }
}

// ---- categories and rules ----------------------------------------------------------------------------------------

const OPERATORS = { description: ["contains", "startsWith", "equals", "regex"], merchant: ["contains", "startsWith", "equals", "regex"],
  amount: ["gt", "gte", "lt", "lte", "equals"] };

async function categoriesPage(main) {
  await loadCategories();
  const rules = (await api("GET", "/rules")).items;
  const create = onSubmit(h("form", { class: "inline", "aria-label": "New category" },
    field("Name", input("name", { required: true, maxlength: "60" })),
    field("Colour", input("color", { type: "color", value: "#0b62c4" })),
    field("Description", input("description", { maxlength: "500" })),
    h("button", {}, "Add category")), async (data) => {
    const body = { name: data.get("name").trim(), color: data.get("color") };
    if (data.get("description").trim()) body.description = data.get("description").trim();
    await api("POST", "/categories", body);
    navigate("#/categories", `Category ${body.name} added.`);
  });
  const categoryRows = state.categories.map((c) => h("tr", {},
    h("td", {}, swatch(c.id), c.name), h("td", { class: "hide-phone muted" }, c.description || ""),
    h("td", {}, confirmButton("Delete", async () => {
      try {
        await api("DELETE", `/categories/${c.id}`);
        navigate("#/categories", `Category ${c.name} deleted; its expenses are now uncategorized.`);
      } catch (e) { fail(e); }
    }))));

  const fieldSelect = h("select", { name: "field" }, Object.keys(OPERATORS).map((f) => h("option", { value: f }, f)));
  const operatorSelect = h("select", { name: "operator" });
  const fillOperators = () => operatorSelect.replaceChildren(...OPERATORS[fieldSelect.value].map((o) => h("option", { value: o }, o)));
  fieldSelect.addEventListener("change", fillOperators);
  fillOperators();
  const ruleForm = onSubmit(h("form", { class: "inline", "aria-label": "New rule" },
    field("Name", input("ruleName", { required: true })),
    field("When", fieldSelect), field("Operator", operatorSelect),
    field("Value", input("value", { required: true })),
    field("Set category", categorySelect("categoryId", null, "Choose…")),
    field("Priority", input("priority", { type: "number", value: "100", min: "0", size: "5" })),
    h("button", {}, "Add rule")), async (data) => {
    if (!data.get("categoryId")) throw new Error("Choose the category the rule should set.");
    await api("POST", "/rules", { name: data.get("ruleName").trim(), priority: Number(data.get("priority") || 100), match: "all",
      conditions: [{ field: data.get("field"), operator: data.get("operator"), value: data.get("value") }],
      actions: { categoryId: data.get("categoryId"), tags: [] }, stopProcessing: false });
    navigate("#/categories", "Rule added. It applies to new expenses; use Apply rules for the uncategorized ones.");
  });
  const ruleRows = rules.map((r) => h("tr", {},
    h("td", {}, r.name), h("td", { class: "num" }, String(r.priority)),
    h("td", {}, r.conditions.map((c) => `${c.field} ${c.operator} “${c.value}”`).join(r.match === "any" ? " or " : " and ")),
    h("td", {}, r.actions && r.actions.categoryId ? categoryName(r.actions.categoryId) : "—"),
    h("td", {}, confirmButton("Delete", async () => {
      try { await api("DELETE", `/rules/${r.id}`); navigate("#/categories", `Rule ${r.name} deleted.`); } catch (e) { fail(e); }
    }))));
  const apply = h("button", { type: "button", class: "secondary", onclick: async () => {
    try {
      const result = await api("POST", "/rules/apply");
      say(`Rules examined ${result.examined} uncategorized expenses and categorized ${result.categorized}.`);
    } catch (e) { fail(e); }
  } }, "Apply rules to uncategorized expenses");

  main.append(h("h1", {}, "Categories & rules"),
    h("section", { class: "card" }, h("h2", {}, "Categories"), create,
      categoryRows.length ? table([["Name"], ["Description", "hide-phone"], [""]], categoryRows)
        : empty("No categories yet. Add one above, e.g. Groceries.")),
    h("section", { class: "card" }, h("h2", {}, "Rules"),
      h("p", { class: "muted" }, "Rules categorize new expenses automatically; the first matching rule decides."),
      ruleForm, h("p", {}, apply),
      ruleRows.length ? table([["Name"], ["Priority", "num"], ["Conditions"], ["Category"], [""]], ruleRows)
        : empty("No rules yet. Add one above, e.g. description contains “espresso” → Coffee.")));
}

// ---- budgets -----------------------------------------------------------------------------------------------------

async function budgetsPage(main, params) {
  await loadCategories();
  const now = state.dashboard ? state.dashboard.month : new Date().toISOString().slice(0, 7);
  const period = params.get("month") || now;
  const [year, month] = period.split("-").map(Number);
  const [budget, report] = await Promise.all([api("GET", `/budgets/${year}/${month}`),
    api("GET", `/reports/categories/${year}/${month}`)]);
  const rows = h("tbody", {});
  const addRow = (item = { categoryId: null, currency: mainCurrency(), amount: "" }) => {
    const spentLine = report.categories.find((c) => c.categoryId === item.categoryId && c.currency === item.currency);
    rows.append(h("tr", {},
      h("td", {}, h("label", {}, h("span", { class: "sr-only" }, "Category"), categorySelect("categoryId", item.categoryId, "All spending"))),
      h("td", {}, h("label", {}, h("span", { class: "sr-only" }, "Currency"), h("input", { name: "currency", value: item.currency, maxlength: "3", size: "4", required: true }))),
      h("td", {}, h("label", {}, h("span", { class: "sr-only" }, "Amount"), h("input", { name: "amount", value: item.amount, inputmode: "decimal", size: "9", required: true }))),
      h("td", { class: "num" }, spentLine ? money(spentLine.total, spentLine.currency) : "—"),
      h("td", {}, h("button", { type: "button", class: "secondary", onclick: (e) => e.target.closest("tr").remove() }, "Remove"))));
  };
  budget.items.forEach(addRow);
  const items = () => [...rows.querySelectorAll("tr")].map((tr) => ({
    categoryId: tr.querySelector("[name=categoryId]").value || null,
    currency: tr.querySelector("[name=currency]").value.trim().toUpperCase(),
    amount: tr.querySelector("[name=amount]").value.trim() }));
  const form = onSubmit(h("form", { "aria-label": "Budgets" },
    table([["Category"], ["Currency"], ["Budget"], ["Spent", "num"], [""]], rows),
    h("div", { class: "actions" },
      h("button", { type: "button", class: "secondary", onclick: () => addRow() }, "Add a budget line"),
      h("button", { name: "month", value: "month" }, `Save for ${period}`),
      h("button", { name: "default", value: "default", class: "secondary" }, "Save as the default for every month"))),
  async (data, submitter) => {
    const target = submitter && submitter.name === "default" ? "/budgets/default" : `/budgets/${year}/${month}`;
    await api("PUT", target, { items: items() });
    navigate(`#/budgets?month=${period}`, target === "/budgets/default" ? "Default budgets saved." : `Budgets for ${period} saved.`);
  });
  const picker = h("form", { class: "inline", "aria-label": "Month" },
    field("Month", h("input", { type: "month", name: "month", value: period, required: true })), h("button", { class: "secondary" }, "Show"));
  picker.addEventListener("submit", (e) => { e.preventDefault(); navigate(`#/budgets?month=${new FormData(picker).get("month")}`); });
  main.append(h("h1", {}, "Budgets"), h("section", { class: "card" }, picker,
    h("p", { class: "muted" }, budget.source === "default"
      ? (budget.items.length ? "This month uses your default budgets. Saving here gives it its own." : "No budgets yet: add a line, then save.")
      : "This month has budgets of its own."),
    form));
  if (!budget.items.length) addRow();
}

// ---- import ------------------------------------------------------------------------------------------------------

async function importPage(main) {
  const status = h("div", { id: "import-status", "aria-live": "polite" });
  let timer = null;
  const form = onSubmit(h("form", { class: "stack", "aria-label": "Import a file" },
    field("File (CSV with a header line, OFX/QFX or QIF)", input("file", { type: "file", required: true, accept: ".csv,.ofx,.qfx,.qif,text/csv" })),
    field("Currency for rows without one", input("defaultCurrency", { value: mainCurrency(), maxlength: "3" })),
    field("Date format (blank for ISO dates such as 2026-03-15)", input("dateFormat", { placeholder: "dd.MM.yyyy" })),
    field("Decimal separator", h("select", { name: "decimalSeparator" }, h("option", { value: "." }, ". (12.34)"), h("option", { value: "," }, ", (12,34)"))),
    h("button", {}, "Upload and import")), async (data) => {
    const file = data.get("file");
    if (!file || !file.size) throw new Error("Choose a file with at least a header line and one row.");
    const options = { decimalSeparator: data.get("decimalSeparator") };
    if (data.get("defaultCurrency").trim()) options.defaultCurrency = data.get("defaultCurrency").trim().toUpperCase();
    if (data.get("dateFormat").trim()) options.dateFormat = data.get("dateFormat").trim();
    const upload = new FormData();
    upload.append("file", file, file.name);
    upload.append("options", new Blob([JSON.stringify(options)], { type: "application/json" }));
    const accepted = await api("POST", "/imports", upload, { "Idempotency-Key": crypto.randomUUID() });
    follow(accepted.id);
  });

  function follow(id) {
    const poll = async () => {
      try {
        const job = await api("GET", `/imports/${id}`);
        renderJob(job);
        if (job.status === "queued" || job.status === "running") {
          timer = setTimeout(poll, 400);
          return;
        }
        await loadRecent();
        if (job.rejected) await showRejected(id);
      } catch (e) { fail(e); }
    };
    poll();
  }

  function renderJob(job) {
    const total = job.totalRows || 0;
    status.replaceChildren(h("section", { class: "card", dataset: { status: job.status } },
      h("h2", {}, `Import of ${job.fileName || "your file"}: ${job.status}`),
      h("progress", { max: String(Math.max(total, 1)), value: String(job.status === "completed" ? Math.max(total, 1) : job.processedRows),
        "aria-label": "Import progress" }),
      h("p", {}, `${job.processedRows} of ${total || "?"} rows: ${job.imported} imported, ${job.duplicates} duplicates, `
        + `${job.rejected} rejected, ${job.warnings} with warnings.`),
      job.status === "failed" ? h("p", { class: "error" }, `The import failed: ${job.failureReason}. Fix the file and upload it again.`) : null,
      job.status === "completed" ? h("p", {}, "The totals update on the ", h("a", { href: "#/dashboard" }, "dashboard"), " as the rows arrive.") : null));
  }

  async function showRejected(id) {
    const rows = (await api("GET", `/imports/${id}/rows?outcome=rejected&limit=50`)).items;
    status.append(h("section", { class: "card" }, h("h2", {}, "Rejected rows"),
      h("ul", {}, rows.map((r) => h("li", {}, `Row ${r.row}: ${r.reason}`)))));
  }

  const recentList = h("div", { id: "recent-imports" });
  async function loadRecent() {
    const recent = (await api("GET", "/imports?limit=10")).items;
    recentList.replaceChildren(recent.length
      ? table([["When"], ["File"], ["Status"], ["Imported", "num"], ["Duplicates", "num"], ["Rejected", "num"]],
        recent.map((j) => h("tr", {}, h("td", {}, dateTime(j.createdAt)), h("td", {}, j.fileName || j.format || ""), h("td", {}, j.status),
          h("td", { class: "num" }, String(j.imported)), h("td", { class: "num" }, String(j.duplicates)), h("td", { class: "num" }, String(j.rejected)))))
      : empty("No imports yet. A CSV needs a header such as date,amount,currency,description."));
  }
  await loadRecent();
  main.append(h("h1", {}, "Import expenses"), h("section", { class: "card" }, form), status,
    h("section", { class: "card" }, h("h2", {}, "Recent imports"), recentList));
  return () => clearTimeout(timer);
}

// ---- notifications -----------------------------------------------------------------------------------------------

async function notificationsPage(main, params) {
  const filters = onSubmit(h("form", { class: "inline", "aria-label": "Filters" },
    field("Status", h("select", { name: "status" }, ["", "pending", "sent", "failed", "skipped"].map((s) =>
      h("option", { value: s, selected: params.get("status") === s }, s || "Any")))),
    field("Channel", h("select", { name: "channel" }, ["", "email", "sms", "in-app", "webhook"].map((s) =>
      h("option", { value: s, selected: params.get("channel") === s }, s || "Any")))),
    h("button", {}, "Apply filters")), async (data) => {
    const query = new URLSearchParams();
    for (const name of ["status", "channel"]) if (data.get(name)) query.set(name, data.get(name));
    navigate(`#/notifications?${query}`);
  });
  const body = h("tbody", {});
  const list = h("div", { id: "notification-list" });
  const more = h("p", {});
  main.append(h("h1", {}, "Notifications"), h("section", { class: "card" }, filters), h("section", { class: "card" }, list, more));
  const query = new URLSearchParams({ limit: "20" });
  for (const name of ["status", "channel"]) if (params.get(name)) query.set(name, params.get(name));
  async function load(cursor) {
    const page = new URLSearchParams(query);
    if (cursor) page.set("cursor", cursor);
    const result = await api("GET", `/notifications?${page}`);
    body.append(...result.items.map((n) => h("tr", {}, h("td", {}, dateTime(n.createdAt)), h("td", {}, n.subject || n.kind),
      h("td", {}, n.channel), h("td", {}, n.status, n.lastError ? h("span", { class: "muted" }, ` (${n.lastError})`) : null))));
    list.replaceChildren(body.children.length ? table([["When"], ["Subject"], ["Channel"], ["Status"]], body)
      : empty("No notifications yet. Alerts, monthly summaries and account messages appear here; choose the channels on your ",
        h("a", { href: "#/profile" }, "profile"), "."));
    more.replaceChildren(result.nextCursor ? h("button", { type: "button", class: "secondary",
      onclick: () => load(result.nextCursor).catch(fail) }, "Load more") : "");
  }
  await load(null);
}

// ---- profile -----------------------------------------------------------------------------------------------------

const LOCALES = ["en-US", "en-GB", "en-IN", "de-DE", "fr-FR", "es-ES", "hi-IN", "ja-JP", "pt-BR"];

async function profilePage(main) {
  const profile = await api("GET", `/users/${state.me.id}`);
  state.profile = profile;
  const p = profile.preferences;
  const zones = Intl.supportedValuesOf ? Intl.supportedValuesOf("timeZone") : [profile.timezone];
  if (!zones.includes(profile.timezone)) zones.unshift(profile.timezone);
  const chosenLocale = localStorage.getItem("ganaka.locale") || "";
  const form = onSubmit(h("form", { class: "stack", "aria-label": "Profile" },
    h("p", { class: "muted" }, `Signed in as ${profile.email}`),
    field("Display name", input("displayName", { value: profile.displayName || "", maxlength: "100" })),
    field("Time zone", h("select", { name: "timezone" }, zones.map((z) => h("option", { value: z, selected: z === profile.timezone }, z)))),
    field("Default currency", input("defaultCurrency", { value: p.defaultCurrency || "", maxlength: "3", placeholder: "EUR" })),
    field("Alert me about expenses above", input("highValueThreshold", { value: p.highValueThreshold || "", inputmode: "decimal" })),
    field("Number and date format (this browser)", h("select", { name: "locale" },
      h("option", { value: "" }, `Browser default (${navigator.language})`),
      LOCALES.map((l) => h("option", { value: l, selected: l === chosenLocale }, `${l} (${money(1234.5, p.defaultCurrency || "EUR")})`)))),
    h("fieldset", {}, h("legend", {}, "Notifications"),
      h("label", { class: "check" }, h("input", { type: "checkbox", name: "email", checked: p.notifications.email }), "E-mail"),
      h("label", { class: "check" }, h("input", { type: "checkbox", name: "inApp", checked: p.notifications.inApp }), "In the app"),
      h("label", { class: "check" }, h("input", { type: "checkbox", name: "sms", checked: p.notifications.sms.enabled }), "Text message"),
      field("Phone for text messages (e.g. +4915112345678)", input("phone", { type: "tel", value: p.notifications.sms.phone || "" }))),
    h("fieldset", {}, h("legend", {}, "Quiet hours (no e-mail or texts)"),
      field("From", input("quietStart", { type: "time", value: p.quietHours ? p.quietHours.start : "" })),
      field("Until", input("quietEnd", { type: "time", value: p.quietHours ? p.quietHours.end : "" }))),
    h("button", {}, "Save profile")), async (data) => {
    const preferences = { monthlyBudgets: p.monthlyBudgets,
      notifications: { email: data.has("email"), inApp: data.has("inApp"), sms: { enabled: data.has("sms") } } };
    if (data.get("phone").trim()) preferences.notifications.sms.phone = data.get("phone").trim();
    if (data.get("defaultCurrency").trim()) preferences.defaultCurrency = data.get("defaultCurrency").trim().toUpperCase();
    if (data.get("highValueThreshold").trim()) preferences.highValueThreshold = data.get("highValueThreshold").trim();
    if (data.get("quietStart") && data.get("quietEnd")) preferences.quietHours = { start: data.get("quietStart"), end: data.get("quietEnd") };
    const body = { timezone: data.get("timezone"), preferences };
    if (data.get("displayName").trim()) body.displayName = data.get("displayName").trim();
    state.profile = await api("PUT", `/users/${state.me.id}`, body);
    setLocale(data.get("locale"));
    navigate("#/profile", "Profile saved.");
  });
  const everywhere = h("button", { type: "button", class: "secondary", onclick: async () => {
    try {
      await api("POST", "/auth/logout-all");
    } catch (e) { /* the session ends here either way */ }
    endSession("Signed out on every device.");
  } }, "Sign out on every device");
  main.append(h("h1", {}, "Profile & preferences"), h("section", { class: "card" }, form),
    h("section", { class: "card" }, h("h2", {}, "Sessions"), everywhere),
    h("p", { class: "muted" }, `Amounts show like ${money(1234.5, p.defaultCurrency || mainCurrency())} in ${locale()}.`));
}

export const pages = [
  { path: /^\/signin$/, title: "Sign in", public: true, render: signInPage },
  { path: /^\/signup$/, title: "Create an account", public: true, render: signUpPage },
  { path: /^\/dashboard$/, title: "Dashboard", render: dashboardPage },
  { path: /^\/expenses$/, title: "Expenses", render: expensesPage },
  { path: /^\/expenses\/(new|[0-9a-fA-F-]{36})$/, title: "Expense", render: expenseFormPage },
  { path: /^\/categories$/, title: "Categories & rules", render: categoriesPage },
  { path: /^\/budgets$/, title: "Budgets", render: budgetsPage },
  { path: /^\/import$/, title: "Import", render: importPage },
  { path: /^\/notifications$/, title: "Notifications", render: notificationsPage },
  { path: /^\/profile$/, title: "Profile", render: profilePage },
];
