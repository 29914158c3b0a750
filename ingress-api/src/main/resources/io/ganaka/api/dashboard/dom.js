// Building the page from data without ever parsing it as HTML: every text goes in as text.
export const $ = (id) => document.getElementById(id);

/** h("a", {href: "#/x", class: "y"}, "text", child, ...): an element; "on…" attributes become listeners. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (name === "class") element.className = value;
    else if (name === "dataset") Object.assign(element.dataset, value);
    else if (name in element && typeof value !== "string") element[name] = value;
    else element.setAttribute(name, value === true ? "" : value);
  }
  element.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return element;
}

/** Shows a status line; errors stay until the next message, successes too (they are short). */
export function say(text, isError = false) {
  const message = $("message");
  message.textContent = text || "";
  message.className = isError ? "message error" : "message muted";
}

/** An empty state that says what to do next. */
export const empty = (...what) => h("p", { class: "empty" }, ...what);

/** A labelled form control. */
export const field = (label, control) => h("label", {}, h("span", {}, label), control);

/** A button that asks for a second click before it does something that cannot be undone. */
export function confirmButton(label, action) {
  const button = h("button", { type: "button", class: "danger" }, label);
  let armed = false;
  button.addEventListener("click", async () => {
    if (!armed) {
      armed = true;
      button.textContent = "Click again to confirm";
      setTimeout(() => { armed = false; button.textContent = label; }, 5000);
      return;
    }
    button.disabled = true;
    try { await action(); } finally { button.disabled = false; }
  });
  return button;
}

/** Runs a form's submit through an async action, with its button disabled meanwhile and errors shown. */
export function onSubmit(form, action) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const buttons = form.querySelectorAll("button");
    buttons.forEach((b) => { b.disabled = true; });
    try {
      await action(new FormData(form), event.submitter);
    } catch (e) {
      say(e.message, true);
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  });
  return form;
}

let flash = null;

/** Goes to another page and shows a message there (a plain hash change clears the message line). */
export function navigate(hash, message) {
  flash = message || null;
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent("hashchange"));
  else location.hash = hash;
}

export function takeFlash() {
  const message = flash;
  flash = null;
  return message;
}
