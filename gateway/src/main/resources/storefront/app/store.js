// The cart (localStorage) and the pending checkout attempt: one Idempotency-Key per
// attempt, kept until the order is confirmed, so a retry (or a reload) never orders twice.

const CART = 'hashop.cart';
const ATTEMPT = 'hashop.checkout';
const listeners = new Set();

function read(key, fallback) {
  try { return JSON.parse(localStorage.getItem(key)) ?? fallback; } catch { return fallback; }
}

export function cart() {
  return read(CART, {});
}

export function cartCount() {
  return Object.values(cart()).reduce((sum, q) => sum + q, 0);
}

export function setQuantity(productId, quantity) {
  const next = cart();
  if (quantity > 0) next[productId] = Math.min(100, quantity); else delete next[productId];
  localStorage.setItem(CART, JSON.stringify(next));
  listeners.forEach((fn) => fn());
}

export function addToCart(productId) {
  setQuantity(productId, (cart()[productId] || 0) + 1);
}

export function clearCart() {
  localStorage.removeItem(CART);
  listeners.forEach((fn) => fn());
}

export function onCartChange(fn) {
  listeners.add(fn);
  window.addEventListener('storage', (e) => { if (e.key === CART) fn(); });
}

export function orderBody() {
  return { items: Object.entries(cart()).map(([productId, quantity]) => ({ productId: Number(productId), quantity })) };
}

function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The attempt for this body: the pending one when the body is unchanged, else a new key. */
export function checkoutAttempt(body) {
  const json = JSON.stringify(body);
  const pending = read(ATTEMPT, null);
  if (pending && pending.body === json) return pending;
  const attempt = { key: newKey(), body: json };
  localStorage.setItem(ATTEMPT, JSON.stringify(attempt));
  return attempt;
}

export function finishCheckout() {
  localStorage.removeItem(ATTEMPT);
}
