// Writes and reads at a fixed arrival rate (open model), like `./ganaka bench`:
//   k6 run -e API=http://127.0.0.1:8080 -e RATE=500 -e DURATION=30s -e USERS=10 -e READS=0.2 k6/load.js
// Per-route latency is http_req_duration{route:...}; accepted writes are checks of "POST /expenses 202".
import http from 'k6/http';
import { check } from 'k6';
import { API, signIn, expenseBody, authorized } from './common.js';

const RATE = parseInt(__ENV.RATE || '500', 10);
const READS = parseFloat(__ENV.READS || '0.2');

export const options = {
  scenarios: {
    mix: {
      executor: 'constant-arrival-rate',
      rate: RATE,
      timeUnit: '1s',
      duration: __ENV.DURATION || '30s',
      preAllocatedVUs: Math.max(50, Math.ceil(RATE / 10)),
      maxVUs: Math.max(500, RATE),
    },
  },
  thresholds: {
    // The design goals; k6 reports them as passed or failed, it does not stop the run.
    'http_req_duration{route:POST /expenses}': ['p(95)<10'],
    checks: ['rate>0.99'],
  },
};

export function setup() {
  return { tokens: signIn(parseInt(__ENV.USERS || '10', 10)) };
}

export default function (data) {
  const n = __ITER + __VU * 1000000;
  const token = data.tokens[n % data.tokens.length];
  const params = authorized(token);
  if (Math.random() < READS) {
    const dashboard = n % 2 === 0;
    params.tags = { route: dashboard ? 'GET /dashboard' : 'GET /expenses' };
    const r = http.get(dashboard ? `${API}/dashboard` : `${API}/expenses?limit=20`, params);
    check(r, { 'read 200': (x) => x.status === 200 });
  } else {
    params.tags = { route: 'POST /expenses' };
    const r = http.post(`${API}/expenses`, expenseBody(n), params);
    check(r, { 'POST /expenses 202': (x) => x.status === 202 });
  }
}
