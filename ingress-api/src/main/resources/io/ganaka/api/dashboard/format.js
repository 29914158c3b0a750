// Amounts and dates in the user's locale (their choice on the profile page, else the browser's) and currency.
const LOCALE_KEY = "ganaka.locale";

export const locale = () => localStorage.getItem(LOCALE_KEY) || navigator.language || "en";
export function setLocale(value) {
  if (value) localStorage.setItem(LOCALE_KEY, value); else localStorage.removeItem(LOCALE_KEY);
}

export function money(amount, currency) {
  try {
    return new Intl.NumberFormat(locale(), { style: "currency", currency }).format(Number(amount));
  } catch (e) {
    return `${amount} ${currency}`;
  }
}

export const date = (iso) => new Date(iso).toLocaleDateString(locale(), { year: "numeric", month: "short", day: "numeric" });
export const dateTime = (iso) => new Date(iso).toLocaleString(locale(), { dateStyle: "medium", timeStyle: "short" });
export const monthLabel = (year, month, style = "long") =>
  new Date(Date.UTC(year, month - 1, 15)).toLocaleDateString(locale(), { year: "numeric", month: style, timeZone: "UTC" });

/** The value of a datetime-local input for an instant, in the browser's time zone. */
export function localInput(iso) {
  const d = iso ? new Date(iso) : new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
