// Holds dashboard sockets and times each new expense from its POST to its push on the same user's socket:
//   k6 run -e API=http://127.0.0.1:8080 -e CONNECTIONS=1000 -e HOLD=60 -e USERS=10 k6/sockets.js
// Each VU is one socket (the API allows 5 per user, so CONNECTIONS <= 5 x USERS); every EVERY seconds the VU adds
// an expense and waits for the dashboard.changed that lists it. Latency is the push_latency trend.
import http from 'k6/http';
import ws from 'k6/ws';
import { check } from 'k6';
import { Counter, Trend } from 'k6/metrics';
import { API, WS, signIn, expenseBody, authorized } from './common.js';

const CONNECTIONS = parseInt(__ENV.CONNECTIONS || '100', 10);
const HOLD = parseInt(__ENV.HOLD || '60', 10);
const EVERY = parseInt(__ENV.EVERY || '5', 10);
const pushLatency = new Trend('push_latency', true);
const delivered = new Counter('pushes_delivered');
const expected = new Counter('pushes_expected');

export const options = {
  scenarios: {
    hold: { executor: 'per-vu-iterations', vus: CONNECTIONS, iterations: 1, maxDuration: `${HOLD + 60}s` },
  },
  thresholds: { push_latency: ['p(99)<250'] },
};

export function setup() {
  return { tokens: signIn(parseInt(__ENV.USERS || String(Math.ceil(CONNECTIONS / 5)), 10)) };
}

export default function (data) {
  const token = data.tokens[(__VU - 1) % data.tokens.length];
  const sent = {}; // expense id -> time of its POST
  const res = ws.connect(WS, { headers: { 'Sec-WebSocket-Protocol': `ganaka.v1, bearer.${token}` } }, (socket) => {
    socket.on('message', (text) => {
      const m = JSON.parse(text);
      if (m.type === 'ping') {
        socket.send('{"type":"pong"}');
      } else if (m.type === 'dashboard.changed') {
        for (const e of m.data.latestExpenses) {
          if (sent[e.id]) {
            pushLatency.add(Date.now() - sent[e.id]);
            delivered.add(1);
            delete sent[e.id];
          }
        }
      }
    });
    socket.setInterval(() => {
      const start = Date.now();
      const r = http.post(`${API}/expenses`, expenseBody(__VU * 100000 + start % 100000), authorized(token));
      if (check(r, { 'POST /expenses 202': (x) => x.status === 202 })) {
        sent[r.json('id')] = start;
        expected.add(1);
      }
    }, EVERY * 1000);
    socket.setTimeout(() => socket.close(), HOLD * 1000);
  });
  check(res, { 'upgraded (101)': (r) => r && r.status === 101 });
}
