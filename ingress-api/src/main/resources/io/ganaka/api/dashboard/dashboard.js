// The dashboard page: this month's totals and budget progress, a 12-month chart, the category breakdown, the latest
// expenses and open alerts. It renders every dashboard the live feed accepts, without a reload.
import { api } from "./api.js";
import { empty, h, say } from "./dom.js";
import { date, money, monthLabel } from "./format.js";
import { category, categoryName, loadCategories, mainCurrency, onDashboard, state } from "./state.js";

const PALETTE = ["#0b62c4", "#ff7043", "#43a047", "#8e24aa", "#fdd835", "#00897b", "#6d4c41", "#e53935", "#5c6bc0",
  "#9e9e9e"];

export async function dashboardPage(main) {
  const view = {
    heading: h("h1", {}, "Dashboard"),
    total: h("div", { id: "month-total" }),
    budgets: h("div", { id: "budgets" }),
    monthly: h("canvas", { id: "monthly-chart", role: "img" }),
    breakdownChart: h("canvas", { id: "category-chart", role: "img" }),
    breakdown: h("div", { id: "breakdown" }),
    latest: h("div", { id: "latest" }),
    alerts: h("div", { id: "alerts" }),
  };
  main.append(view.heading, h("div", { class: "grid" },
    h("section", { class: "card", "aria-labelledby": "h-total" }, h("h2", { id: "h-total" }, "This month"), view.total),
    h("section", { class: "card", "aria-labelledby": "h-budgets" }, h("h2", { id: "h-budgets" }, "Budgets"), view.budgets),
    h("section", { class: "card wide", "aria-labelledby": "h-months" }, h("h2", { id: "h-months" }, "Last 12 months"),
      h("div", { class: "chart" }, view.monthly)),
    h("section", { class: "card", "aria-labelledby": "h-categories" }, h("h2", { id: "h-categories" }, "By category"),
      h("div", { class: "chart" }, view.breakdownChart), view.breakdown),
    h("section", { class: "card", "aria-labelledby": "h-latest" }, h("h2", { id: "h-latest" }, "Latest expenses"), view.latest),
    h("section", { class: "card", "aria-labelledby": "h-alerts" }, h("h2", { id: "h-alerts" }, "Open alerts"), view.alerts)));

  const charts = new Charts(view);
  let budgets = null;
  let history = new Map(); // "YYYY-MM" -> {currency -> total} of the past 11 months, from the monthly reports
  let loadedFor = null;
  let historyTimer = null;

  async function loadMonthContext(dashboard) {
    const [year, month] = dashboard.month.split("-").map(Number);
    loadedFor = dashboard.month;
    const months = lastMonths(year, month, 12).slice(0, 11);
    const [budgetView, ...reports] = await Promise.all([
      api("GET", `/budgets/${year}/${month}`),
      ...months.map(([y, m]) => api("GET", `/reports/monthly/${y}/${m}`)),
    ]);
    budgets = budgetView;
    history = new Map(reports.map((r) => [key(r.year, r.month), Object.fromEntries(r.totals.map((t) => [t.currency, t.total]))]));
  }

  // Past months change only when an expense dated in them changes: reload their reports a moment after a push.
  function reloadHistorySoon(dashboard) {
    clearTimeout(historyTimer);
    historyTimer = setTimeout(() => loadMonthContext(dashboard).then(() => render(state.dashboard)).catch(() => {}), 2000);
  }

  // A new account's default categories arrive moments after it, and categories change on other pages or tabs.
  let categoriesChecked = null;
  function render(dashboard) {
    if (!dashboard) return;
    const ids = [...dashboard.categories, ...dashboard.latestExpenses].map((c) => c.categoryId).filter(Boolean);
    if (ids.some((id) => !category(id)) && categoriesChecked !== dashboard.version) {
      categoriesChecked = dashboard.version;
      loadCategories().then(() => render(state.dashboard)).catch(() => {});
    }
    const [year, month] = dashboard.month.split("-").map(Number);
    view.heading.textContent = `Dashboard · ${monthLabel(year, month)}`;
    renderTotal(view.total, dashboard);
    renderBudgets(view.budgets, dashboard, budgets);
    renderBreakdown(view.breakdown, dashboard);
    renderLatest(view.latest, dashboard);
    renderAlerts(view.alerts, dashboard);
    charts.render(dashboard, history);
  }

  let first = true;
  const unsubscribe = onDashboard(async (dashboard) => {
    try {
      if (loadedFor !== dashboard.month) await loadMonthContext(dashboard);
      else if (!first) reloadHistorySoon(dashboard);
      first = false;
      render(dashboard);
    } catch (e) {
      say(e.message, true);
    }
  });
  const dashboard = state.dashboard || await api("GET", "/dashboard");
  await loadMonthContext(dashboard);
  first = false;
  render(state.dashboard && state.dashboard.version >= dashboard.version ? state.dashboard : dashboard);
  return () => { unsubscribe(); clearTimeout(historyTimer); charts.destroy(); };
}

const key = (year, month) => `${year}-${String(month).padStart(2, "0")}`;

/** The n months ending with year/month, oldest first, as [year, month] pairs. */
function lastMonths(year, month, n) {
  const result = [];
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(year, month - 1 - i, 1));
    result.push([d.getUTCFullYear(), d.getUTCMonth() + 1]);
  }
  return result;
}

function renderTotal(node, dashboard) {
  if (!dashboard.totals.length) {
    node.replaceChildren(empty("No expenses this month yet. ", h("a", { href: "#/expenses/new" }, "Add an expense"),
      " or ", h("a", { href: "#/import" }, "import a file"), "."));
    return;
  }
  node.replaceChildren(...dashboard.totals.map((t) => h("div", {},
    h("p", { class: "big", dataset: { currency: t.currency } }, money(t.total, t.currency)),
    h("p", { class: "muted" }, `${t.count} ${t.count === 1 ? "expense" : "expenses"} in ${t.currency}`))));
}

function spent(dashboard, item) {
  if (!item.categoryId) {
    const total = dashboard.totals.find((t) => t.currency === item.currency);
    return total ? Number(total.total) : 0;
  }
  const line = dashboard.categories.find((c) => c.categoryId === item.categoryId && c.currency === item.currency);
  return line ? Number(line.total) : 0;
}

function renderBudgets(node, dashboard, budgets) {
  if (!budgets || !budgets.items.length) {
    node.replaceChildren(empty("No budgets for this month. ", h("a", { href: "#/budgets" }, "Set a budget"),
      " to see how much is left."));
    return;
  }
  node.replaceChildren(...budgets.items.map((item) => {
    const used = spent(dashboard, item);
    const limit = Number(item.amount);
    const name = item.categoryId ? categoryName(item.categoryId) : "All spending";
    const percent = limit > 0 ? Math.round((used / limit) * 100) : 0;
    return h("div", { class: used > limit ? "budget over" : "budget" },
      h("span", {}, `${name}: ${money(used, item.currency)} of ${money(limit, item.currency)} (${percent}%)`),
      h("progress", { max: String(limit), value: String(Math.min(used, limit)), "aria-label": `${name} budget used` }));
  }));
}

function renderBreakdown(node, dashboard) {
  if (!dashboard.categories.length) {
    node.replaceChildren(empty("Nothing to break down yet: this month has no expenses."));
    return;
  }
  node.replaceChildren(h("div", { class: "table-wrap" }, h("table", {},
    h("thead", {}, h("tr", {}, h("th", {}, "Category"), h("th", { class: "num" }, "Expenses"), h("th", { class: "num" }, "Total"))),
    h("tbody", {}, dashboard.categories.map((c) => h("tr", { dataset: { category: categoryName(c.categoryId) } },
      h("td", {}, swatch(c.categoryId), categoryName(c.categoryId)),
      h("td", { class: "num" }, String(c.count)),
      h("td", { class: "num" }, money(c.total, c.currency))))))));
}

export function swatch(categoryId) {
  const found = category(categoryId);
  const dot = h("span", { class: "swatch", "aria-hidden": "true" });
  dot.style.backgroundColor = (found && found.color) || "#9e9e9e";
  return dot;
}

function renderLatest(node, dashboard) {
  if (!dashboard.latestExpenses.length) {
    node.replaceChildren(empty("No expenses yet. ", h("a", { href: "#/expenses/new" }, "Add your first expense"), "."));
    return;
  }
  node.replaceChildren(h("ul", { class: "plain" }, dashboard.latestExpenses.slice(0, 8).map((e) => h("li", {},
    h("span", {}, h("a", { href: `#/expenses/${e.id}` }, e.description), " ",
      h("span", { class: "muted" }, `${date(e.occurredAt)} · ${categoryName(e.categoryId)}`)),
    h("span", { class: "num" }, money(e.amount, e.currency))))),
  h("p", {}, h("a", { href: "#/expenses" }, "All expenses")));
}

function renderAlerts(node, dashboard) {
  if (!dashboard.alerts.length) {
    node.replaceChildren(empty("No open alerts. Alerts appear here when an expense is unusually high or a budget runs out."));
    return;
  }
  node.replaceChildren(h("ul", { class: "plain" }, dashboard.alerts.map((a) => h("li", {},
    h("span", {}, a.message || a.kind),
    h("button", { type: "button", class: "secondary", onclick: () => api("POST", `/alerts/${a.alertId}/dismiss`)
      .then(() => say("Alert dismissed.")).catch((e) => say(e.message, true)) }, "Dismiss")))));
}

/** The two charts (Chart.js from the API's own jar); each canvas also carries its data as text for screen readers. */
class Charts {
  constructor(view) {
    this.view = view;
    this.monthly = null;
    this.categories = null;
  }

  render(dashboard, history) {
    if (!window.Chart) return; // the library failed to load: the tables still show everything
    const currency = mainCurrency();
    const [year, month] = dashboard.month.split("-").map(Number);
    const months = lastMonths(year, month, 12);
    const labels = months.map(([y, m]) => monthLabel(y, m, "short"));
    const current = dashboard.totals.find((t) => t.currency === currency);
    const values = months.map(([y, m], i) => i === months.length - 1
      ? Number(current ? current.total : 0)
      : Number((history.get(key(y, m)) || {})[currency] || 0));
    this.view.monthly.setAttribute("aria-label", `Spending per month in ${currency}: `
      + labels.map((label, i) => `${label} ${money(values[i], currency)}`).join(", "));
    this.monthly = this.draw(this.monthly, this.view.monthly, "bar", labels,
      [{ label: `Spent (${currency})`, data: values, backgroundColor: "#0b62c4" }],
      { scales: { y: { beginAtZero: true, ticks: { callback: (v) => money(v, currency) } } },
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: (c) => money(c.parsed.y, currency) } } } });

    const lines = dashboard.categories.filter((c) => c.currency === currency);
    const names = lines.map((c) => categoryName(c.categoryId));
    this.view.breakdownChart.setAttribute("aria-label", lines.length
      ? `Spending by category in ${currency}: ` + lines.map((c, i) => `${names[i]} ${money(c.total, currency)}`).join(", ")
      : `No spending in ${currency} this month`);
    this.categories = this.draw(this.categories, this.view.breakdownChart, "doughnut", names,
      [{ data: lines.map((c) => Number(c.total)),
        backgroundColor: lines.map((c, i) => (category(c.categoryId) || {}).color || (c.categoryId ? PALETTE[i % PALETTE.length] : "#9e9e9e")) }],
      { plugins: { legend: { position: "bottom" },
        tooltip: { callbacks: { label: (c) => `${c.label}: ${money(c.parsed, currency)}` } } } });
  }

  draw(chart, canvas, type, labels, datasets, options) {
    if (chart) {
      chart.data.labels = labels;
      chart.data.datasets = datasets;
      chart.update();
      return chart;
    }
    return new window.Chart(canvas, { type, data: { labels, datasets },
      options: { responsive: true, maintainAspectRatio: false, animation: false, ...options } });
  }

  destroy() {
    if (this.monthly) this.monthly.destroy();
    if (this.categories) this.categories.destroy();
  }
}
