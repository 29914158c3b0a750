// What every page shares: the account, its profile and categories, and the newest dashboard seen.
import { api } from "./api.js";

export const state = { me: null, profile: null, categories: [], dashboard: null };
const listeners = new Set();

export async function loadAccount() {
  state.me = await api("GET", "/auth/me");
  const [profile] = await Promise.all([api("GET", `/users/${state.me.id}`), loadCategories()]);
  state.profile = profile;
}

export async function loadCategories() {
  state.categories = (await api("GET", "/categories")).items;
}

export function forget() {
  state.me = null; state.profile = null; state.categories = []; state.dashboard = null;
}

export const category = (id) => state.categories.find((c) => c.id === id);
export function categoryName(id) {
  if (!id) return "Uncategorized";
  const found = category(id);
  return found ? found.name : "Deleted category";
}

/** The currency a user thinks in: their preference, else what they spend most in this month, else EUR. */
export function mainCurrency() {
  const preferred = state.profile && state.profile.preferences && state.profile.preferences.defaultCurrency;
  if (preferred) return preferred;
  const totals = state.dashboard ? [...state.dashboard.totals] : [];
  totals.sort((a, b) => b.count - a.count);
  return totals.length ? totals[0].currency : "EUR";
}

/** Keeps the dashboard with the highest version (a late older message never wins) and tells the page. */
export function acceptDashboard(dashboard) {
  if (!dashboard || (state.dashboard && dashboard.version < state.dashboard.version)) return;
  state.dashboard = dashboard;
  for (const listener of listeners) listener(dashboard);
}

export function onDashboard(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
