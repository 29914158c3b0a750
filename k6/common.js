// Shared by the k6 scripts: sign-in of the bench accounts and the request bodies.
import http from 'k6/http';
import { check, fail } from 'k6';

export const API = __ENV.API || 'http://127.0.0.1:8080';
export const WS = API.replace(/^http/, 'ws') + '/ws/dashboard';
const PASSWORD = __ENV.PASSWORD || 'bench passphrase that is long enough';

// Accounts k6-<run>-<n>@bench.invalid, registered and signed in once in setup(). The API allows 10 registrations
// an hour per client address, so USERS above 10 needs accounts made beforehand: give their common PASSWORD and
// EMAILS (comma-separated) instead.
export function signIn(count) {
  const run = Date.now().toString(36);
  const emails = __ENV.EMAILS ? __ENV.EMAILS.split(',')
    : Array.from({ length: count }, (_, n) => `k6-${run}-${n}@bench.invalid`);
  const json = { headers: { 'Content-Type': 'application/json' } };
  return emails.map((email) => {
    if (!__ENV.EMAILS) {
      http.post(`${API}/auth/register`, JSON.stringify({ email, password: PASSWORD }), json);
    }
    const login = http.post(`${API}/auth/login`, JSON.stringify({ email, password: PASSWORD }), json);
    if (!check(login, { 'signed in': (r) => r.status === 200 })) {
      fail(`sign-in of ${email} answered ${login.status}: ${login.body}`);
    }
    return login.json('accessToken');
  });
}

export function expenseBody(n) {
  return JSON.stringify({
    amount: (1 + (n % 9000) / 100).toFixed(2),
    currency: 'EUR',
    description: `k6 ${n}`,
    occurredAt: new Date().toISOString(),
  });
}

export function authorized(token) {
  return { headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } };
}
