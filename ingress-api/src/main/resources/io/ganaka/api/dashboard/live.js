// The live feed: a socket opened with a single-use ticket (never the token in the URL), a snapshot on every
// (re)connect and then dashboard.changed pushes. It reports its state (connecting, live, reconnecting, offline),
// reconnects with exponential back-off (1 s doubling to 30 s, with jitter), at once when the browser comes back
// online, and polls GET /dashboard every 5 s while it is down.
import { api } from "./api.js";

export class LiveFeed {
  constructor(onDashboard, onState) {
    this.onDashboard = onDashboard;
    this.onState = onState;
    this.socket = null; this.retry = 0; this.timer = null; this.poller = null; this.heartbeat = null;
    this.stopped = true; this.lastHeard = 0;
    window.addEventListener("online", () => { if (!this.stopped && !this.socket) { this.retry = 0; this.connect(); } });
    window.addEventListener("offline", () => { if (!this.stopped) this.state("offline"); });
  }

  start() {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  state(value) { this.current = value; this.onState(value); }

  async connect() {
    clearTimeout(this.timer);
    this.clearSocket();
    this.state(this.retry === 0 ? "connecting" : "reconnecting");
    this.poll(true);
    try {
      const { ticket } = await api("POST", "/ws/ticket");
      if (this.stopped) return;
      const scheme = location.protocol === "https:" ? "wss:" : "ws:";
      const socket = new WebSocket(`${scheme}//${location.host}/ws/dashboard`, ["ganaka.v1", "ticket." + ticket]);
      this.socket = socket;
      socket.onopen = () => { this.retry = 0; this.lastHeard = Date.now(); this.state("live"); this.poll(false); };
      socket.onmessage = (event) => this.receive(socket, event);
      socket.onclose = () => { if (this.socket === socket) this.reconnect(); };
      // The server's heartbeat arrives every 25 s by default; a long silence means a dead connection.
      this.heartbeat = setInterval(() => {
        if (socket.readyState === WebSocket.OPEN && Date.now() - this.lastHeard > 90000) socket.close();
      }, 15000);
    } catch (e) {
      this.reconnect();
    }
  }

  receive(socket, event) {
    this.lastHeard = Date.now();
    let message;
    try { message = JSON.parse(event.data); } catch (e) { return; }
    if (message.type === "ping") socket.send(JSON.stringify({ type: "pong" }));
    if (message.type === "snapshot" || message.type === "dashboard.changed") this.onDashboard(message.data);
  }

  reconnect() {
    this.clearSocket();
    if (this.stopped) return;
    this.poll(true);
    const delay = Math.min(30000, 1000 * 2 ** this.retry++) * (0.5 + Math.random() / 2);
    this.state(navigator.onLine === false ? "offline" : "reconnecting");
    this.timer = setTimeout(() => this.connect(), delay);
  }

  poll(on) {
    if (on && !this.poller) {
      const fetchOnce = () => api("GET", "/dashboard").then((d) => this.onDashboard(d)).catch(() => {});
      fetchOnce();
      this.poller = setInterval(fetchOnce, 5000);
    } else if (!on && this.poller) {
      clearInterval(this.poller);
      this.poller = null;
    }
  }

  clearSocket() {
    clearInterval(this.heartbeat);
    const socket = this.socket;
    this.socket = null;
    if (socket && socket.readyState <= WebSocket.OPEN) socket.close();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    this.poll(false);
    this.clearSocket();
    this.retry = 0;
    this.state("off");
  }
}
