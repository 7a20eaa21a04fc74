// The pages. Each renders into main and returns a function that stops its polling.
import { api, money } from './api.js';
import { h, message, every, wait, showFieldErrors } from './dom.js';
import { cart, setQuantity, addToCart, clearCart, orderBody, checkoutAttempt, finishCheckout } from './store.js';

const STATUS = { PENDING_PAYMENT: 'Awaiting payment', PAID: 'Paid', PAYMENT_FAILED: 'Payment failed' };
const DEGRADED = {
  payments: 'Payments are temporarily unavailable. Your orders are safe; payment details will be back shortly.',
  recentOrders: 'Recent orders are temporarily unavailable.',
  user: 'Your profile is temporarily unavailable.',
};

function field(label, attrs, hint) {
  return h('label', { for: attrs.id }, label, hint ? h('span', { class: 'hint', text: hint }) : null, h('input', attrs));
}

function isAdmin(session) {
  return !!session.me && (session.me.roles || []).includes('ADMIN');
}

function signInFirst(main, what) {
  main.append(h('p', {}, 'Please ', h('a', { href: '#/signin', text: 'sign in' }), ` to ${what}.`));
}

async function catalog(main, ctx) {
  const status = h('div');
  const list = h('ul', { class: 'grid', id: 'products', 'aria-label': 'Products' });
  main.append(h('h1', { text: 'Catalog' }), status, list);
  const shown = new Map();
  return every(3000, async () => {
    let products;
    try {
      products = await api('GET', '/api/products');
      status.replaceChildren();
    } catch (e) {
      status.replaceChildren(message('error', e.message));
      return;
    }
    for (const p of products) {
      const known = shown.get(p.id);
      if (!known) {
        const price = h('p', { class: 'price', id: `price-${p.id}`, 'data-price-cents': p.priceCents, text: money(p.priceCents, p.currency) });
        const add = () => { addToCart(p.id); ctx.notify(`${p.name} added to the cart.`); };
        list.append(h('li', { class: 'card', 'data-product-id': p.id },
          h('h2', { text: p.name }), h('p', { class: 'sku', text: `SKU ${p.sku}` }), price,
          h('button', { type: 'button', id: `add-${p.id}`, 'aria-label': `Add to cart: ${p.name}`, onclick: add, text: 'Add to cart' })));
        shown.set(p.id, { price, cents: p.priceCents });
      } else if (known.cents !== p.priceCents) {
        known.cents = p.priceCents;
        known.price.textContent = money(p.priceCents, p.currency);
        known.price.dataset.priceCents = p.priceCents;
        known.price.classList.add('changed');
        ctx.notify(`${p.name} now costs ${money(p.priceCents, p.currency)}.`);
      }
    }
  });
}

async function cartView(main, ctx) {
  main.append(h('h1', { text: 'Cart' }));
  const status = h('div', { id: 'checkout-status' });
  let products = [];
  try { products = await api('GET', '/api/products'); } catch (e) { main.append(message('error', e.message)); }
  const byId = new Map(products.map((p) => [p.id, p]));
  const lines = Object.entries(cart()).map(([id, quantity]) => ({ product: byId.get(Number(id)), id: Number(id), quantity }));
  if (lines.length === 0) {
    main.append(h('p', {}, 'Your cart is empty. ', h('a', { href: '#/', text: 'Browse the catalog' }), '.'), status);
    return;
  }
  const rows = lines.map(({ product, id, quantity }) => {
    const name = product ? product.name : `Product ${id}`;
    const qty = h('input', { type: 'number', min: 1, max: 100, value: quantity, id: `qty-${id}`, 'aria-label': `Quantity of ${name}` });
    qty.addEventListener('change', () => { setQuantity(id, Math.max(1, Math.min(100, Number(qty.value) || 1))); ctx.rerender(); });
    return h('tr', {}, h('td', { text: name }),
      h('td', { class: 'num opt', text: product ? money(product.priceCents, product.currency) : '' }),
      h('td', {}, qty),
      h('td', { class: 'num', text: product ? money(product.priceCents * quantity, product.currency) : '' }),
      h('td', {}, h('button', { type: 'button', class: 'secondary', 'aria-label': `Remove ${name}`, text: 'Remove',
        onclick: () => { setQuantity(id, 0); ctx.rerender(); } })));
  });
  const total = lines.reduce((sum, l) => sum + (l.product ? l.product.priceCents * l.quantity : 0), 0);
  const currency = lines.find((l) => l.product)?.product.currency;
  main.append(h('table', {}, h('caption', { class: 'sku', text: 'Prices are the catalog\'s; the order\'s total is computed by the shop.' }),
    h('thead', {}, h('tr', {}, h('th', { text: 'Product' }), h('th', { class: 'num opt', text: 'Price' }), h('th', { text: 'Quantity' }),
      h('th', { class: 'num', text: 'Subtotal' }), h('th', {}, h('span', { class: 'sku', text: 'Actions' })))),
    h('tbody', {}, rows)), h('p', { class: 'price', text: `Total: ${money(total, currency)}` }), status);
  await ctx.ready;
  if (!ctx.session.me) {
    signInFirst(main, 'place your order');
    return;
  }
  const place = h('button', { type: 'button', id: 'place-order', text: 'Place order' });
  place.addEventListener('click', () => checkout(place, status, ctx));
  main.append(h('div', { class: 'row' }, place, h('button', { type: 'button', class: 'secondary', text: 'Empty cart',
    onclick: () => { clearCart(); ctx.rerender(); } })));
}

// One Idempotency-Key per attempt, reused by every retry of it: the shop answers a retry
// with the order the first try placed, so nothing is ever ordered twice.
async function checkout(button, status, ctx) {
  const attempt = checkoutAttempt(orderBody());
  button.disabled = true;
  status.replaceChildren(message('ok', 'Placing your order…'));
  for (let tries = 1; ; tries++) {
    try {
      const order = await api('POST', '/api/orders', JSON.parse(attempt.body), { 'Idempotency-Key': attempt.key });
      finishCheckout();
      clearCart();
      ctx.go('#/orders', `Order placed (${money(order.totalCents, order.currency)}). Its status below updates by itself.`);
      return;
    } catch (e) {
      const delay = e.status === 0 ? 2 ** tries : e.retryAfter || 2 ** tries;
      if (e.transient && tries < 4 && delay <= 10) {
        status.replaceChildren(message('ok', `${e.message} Retrying in ${delay} s…`));
        await wait(delay * 1000);
        continue;
      }
      if (!e.transient) finishCheckout();
      const again = e.transient ? ' Press Place order to try again: the same order is sent, never a second one.' : '';
      status.replaceChildren(message('error', e.message + again));
      button.disabled = false;
      return;
    }
  }
}

function orderRow(o) {
  const items = (o.items || []).map((i) => `${i.quantity} × ${i.name}`).join(', ');
  return h('tr', { id: `order-${o.id}` }, h('td', { text: o.id.slice(0, 8) }),
    h('td', { class: 'opt', text: new Date(o.createdAt).toLocaleString() }), h('td', { class: 'opt', text: items }),
    h('td', { class: 'num', text: money(o.totalCents, o.currency) }),
    h('td', {}, h('span', { class: `status ${o.status}`, 'data-status': o.status, text: STATUS[o.status] || o.status })));
}

async function orders(main, ctx) {
  const status = h('div');
  const body = h('tbody', { id: 'orders' });
  main.append(h('h1', { text: 'Your orders' }), status, h('table', {},
    h('thead', {}, h('tr', {}, h('th', { text: 'Order' }), h('th', { class: 'opt', text: 'Placed' }), h('th', { class: 'opt', text: 'Items' }),
      h('th', { class: 'num', text: 'Total' }), h('th', { text: 'Status' }))), body));
  const seen = new Map();
  return every(2000, async () => {
    let page;
    try {
      page = await api('GET', '/api/orders?limit=20');
      status.replaceChildren();
    } catch (e) {
      status.replaceChildren(e.status === 401 ? h('p', {}, 'Please ', h('a', { href: '#/signin', text: 'sign in' }), ' to see your orders.') : message('error', e.message));
      return e.status !== 401;
    }
    if (page.items.length === 0) status.replaceChildren(h('p', {}, 'No orders yet. ', h('a', { href: '#/', text: 'Start shopping' }), '.'));
    for (const o of page.items) {
      if (seen.has(o.id) && seen.get(o.id) !== o.status) ctx.notify(`Order ${o.id.slice(0, 8)}: ${STATUS[o.status] || o.status}.`);
      seen.set(o.id, o.status);
    }
    body.replaceChildren(...page.items.map(orderRow));
    return page.items.some((o) => o.status === 'PENDING_PAYMENT');
  });
}

function dashboardContent(d) {
  const degraded = new Set(d.degraded || []);
  const notices = [...degraded].map((s) => message('degraded', DEGRADED[s] || `${s} is temporarily unavailable.`, { id: `degraded-${s}` }));
  const section = (name, title, content) => h('section', { 'aria-labelledby': `${name}-title` },
    h('h2', { id: `${name}-title`, text: title }), degraded.has(name) ? h('p', { class: 'sku', text: 'Not available right now.' }) : content());
  return [...notices,
    section('user', 'Profile', () => h('p', { text: `${d.user.displayName} (${d.user.email})` })),
    section('recentOrders', 'Recent orders', () => (d.recentOrders.length
      ? h('ul', {}, d.recentOrders.map((o) => h('li', { text: `${o.id.slice(0, 8)}: ${money(o.totalCents, o.currency)}, ${STATUS[o.status] || o.status}` })))
      : h('p', { text: 'No orders yet.' }))),
    section('payments', 'Payments', () => (d.payments.length
      ? h('ul', { id: 'payments' }, d.payments.map((p) => h('li', { text: `${money(p.amountCents, p.currency)}: ${p.status}${p.declineReason ? ` (${p.declineReason})` : ''}` })))
      : h('p', { text: 'No payments yet.' })))];
}

async function dashboard(main) {
  const content = h('div', { id: 'dashboard' });
  main.append(h('h1', { text: 'Dashboard' }), content);
  return every(5000, async () => {
    try {
      content.replaceChildren(...dashboardContent(await api('GET', '/api/dashboard')));
    } catch (e) {
      content.replaceChildren(e.status === 401 ? h('p', {}, 'Please ', h('a', { href: '#/signin', text: 'sign in' }), ' to see your dashboard.') : message('error', e.message));
      return e.status !== 401;
    }
  });
}

async function admin(main, ctx) {
  main.append(h('h1', { text: 'Prices' }));
  await ctx.ready;
  if (!isAdmin(ctx.session)) {
    main.append(message('error', 'Only administrators can change prices.'));
    return;
  }
  const status = h('div', { id: 'admin-status' });
  let products = [];
  try { products = await api('GET', '/api/products'); } catch (e) { status.append(message('error', e.message)); }
  const rows = products.map((p) => {
    const current = h('td', { class: 'num', id: `current-${p.id}`, text: money(p.priceCents, p.currency) });
    const input = h('input', { type: 'number', min: '0.01', step: '0.01', id: `new-price-${p.id}`, value: (p.priceCents / 100).toFixed(2),
      'aria-label': `New price of ${p.name} in ${p.currency}` });
    const save = async () => {
      const cents = Math.round(Number(input.value) * 100);
      if (!(cents > 0)) { status.replaceChildren(message('error', 'Enter a price above zero.')); input.focus(); return; }
      try {
        await api('PUT', `/api/admin/products/${p.id}`, { priceCents: cents });
        current.textContent = money(cents, p.currency);
        status.replaceChildren(message('ok', `${p.name} now costs ${money(cents, p.currency)}.`));
      } catch (e) {
        status.replaceChildren(message('error', e.message));
      }
    };
    return h('tr', {}, h('td', { text: p.name }), h('td', { class: 'opt', text: p.sku }), current, h('td', {}, input),
      h('td', {}, h('button', { type: 'button', id: `save-price-${p.id}`, 'aria-label': `Save the price of ${p.name}`, onclick: save, text: 'Save' })));
  });
  main.append(status, h('table', {}, h('thead', {}, h('tr', {}, h('th', { text: 'Product' }), h('th', { class: 'opt', text: 'SKU' }),
    h('th', { class: 'num', text: 'Price' }), h('th', { text: 'New price' }), h('th', {}, h('span', { class: 'sku', text: 'Actions' })))),
  h('tbody', {}, rows)));
}

function authForm(id, fields, submitText, onSubmit) {
  const status = h('div');
  const button = h('button', { type: 'submit', text: submitText });
  const form = h('form', { id }, fields, status, button);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    status.replaceChildren();
    try {
      await onSubmit(Object.fromEntries(new FormData(form)));
    } catch (e) {
      showFieldErrors(form, e.fields || []);
      status.replaceChildren(message('error', e.message));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

async function signup(main, ctx) {
  main.append(h('h1', { text: 'Create an account' }), authForm('signup', [
    field('E-mail', { id: 'signup-email', name: 'email', type: 'email', autocomplete: 'email', required: true }),
    field('Password', { id: 'signup-password', name: 'password', type: 'password', autocomplete: 'new-password', minlength: 10, maxlength: 128, required: true }, '10 to 128 characters'),
    field('Display name', { id: 'signup-name', name: 'displayName', autocomplete: 'nickname', maxlength: 64, required: true }),
  ], 'Create account', async (values) => {
    await api('POST', '/api/auth/register', values);
    sessionStorage.setItem('hashop.email', values.email);
    ctx.go('#/signin', 'Your account is ready. Sign in to start shopping.');
  }));
}

async function signin(main, ctx) {
  main.append(h('h1', { text: 'Sign in' }), authForm('signin', [
    field('E-mail', { id: 'signin-email', name: 'email', type: 'email', autocomplete: 'username', required: true, value: sessionStorage.getItem('hashop.email') }),
    field('Password', { id: 'signin-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true }),
  ], 'Sign in', async (values) => {
    const me = await api('POST', '/api/auth/login', values);
    await ctx.refreshSession();
    ctx.go('#/', `Welcome, ${me.displayName}.`);
  }));
}

async function missing(main) {
  main.append(h('h1', { text: 'Not found' }), h('p', {}, 'There is no such page. ', h('a', { href: '#/', text: 'Go to the catalog' }), '.'));
}

export const views = { catalog, cart: cartView, orders, dashboard, admin, signup, signin, missing };
