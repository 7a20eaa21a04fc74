// The one way to call the API: same-origin JSON, the XSRF pair on unsafe methods,
// problem+json turned into an ApiError with a readable message.

const SAFE = new Set(['GET', 'HEAD']);

function cookie(name) {
  const hit = document.cookie.split('; ').find((c) => c.startsWith(name + '='));
  return hit ? decodeURIComponent(hit.slice(name.length + 1)) : null;
}

export function hasSessionHint() {
  return cookie('XSRF-TOKEN') !== null;
}

/** Seconds to wait from a Retry-After header (seconds or an HTTP date), or null. */
export function retryAfterSeconds(value) {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(1, Math.ceil(seconds));
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(1, Math.ceil((at - Date.now()) / 1000));
}

export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(describe(status, problem, retryAfter));
    this.status = status;
    this.problem = problem || {};
    this.retryAfter = retryAfter;
    this.fields = Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }

  /** Worth sending again as it was: the network, a 429, or the platform briefly unavailable. */
  get transient() {
    return this.status === 0 || this.status === 429 || this.status === 502 || this.status === 503 || this.status === 504;
  }
}

function describe(status, problem, retryAfter) {
  if (status === 0) return 'The shop cannot be reached. Check your connection and try again.';
  const base = (problem && (problem.detail || problem.title)) || fallback(status);
  if (status === 429) {
    return 'Too many requests. ' + (retryAfter ? `Try again in ${retryAfter} s.` : 'Try again in a moment.');
  }
  return retryAfter ? `${base} Try again in ${retryAfter} s.` : base;
}

function fallback(status) {
  if (status === 401) return 'Please sign in first.';
  if (status === 403) return 'You are not allowed to do that.';
  if (status === 404) return 'Not found.';
  if (status >= 500) return 'Something went wrong on our side. Please try again.';
  return 'The request was not accepted.';
}

export async function api(method, path, body, extraHeaders = {}) {
  const headers = { Accept: 'application/json, application/problem+json', ...extraHeaders };
  const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (!SAFE.has(method)) {
    const token = cookie('XSRF-TOKEN');
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, null, null);
  }
  const text = response.status === 204 ? '' : await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (!response.ok) {
    throw new ApiError(response.status, data, retryAfterSeconds(response.headers.get('Retry-After')));
  }
  return data;
}

export function money(cents, currency) {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: currency || 'EUR' }).format(cents / 100);
  } catch {
    return (cents / 100).toFixed(2) + ' ' + (currency || '');
  }
}
