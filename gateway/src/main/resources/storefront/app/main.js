// The router and the signed-in user: hash routes (#/cart, #/orders...), one view at a time.
import { api, hasSessionHint } from './api.js';
import { cartCount, onCartChange } from './store.js';
import { views } from './views.js';

const main = document.getElementById('main');
const notice = document.getElementById('notice');
const session = { me: null };
let cleanup = null;
let flash = '';

export function notify(text) {
  notice.textContent = text;
}

function showNav() {
  const me = session.me;
  const admin = !!me && (me.roles || []).includes('ADMIN');
  document.querySelectorAll('[data-when]').forEach((el) => {
    const when = el.dataset.when;
    el.hidden = !(when === 'in' ? me : when === 'out' ? !me : admin);
  });
  const route = location.hash.replace(/^#\/?/, '').split('?')[0];
  document.querySelectorAll('nav a').forEach((a) => {
    if (a.getAttribute('href') === '#/' + route) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
}

export async function refreshSession() {
  if (!hasSessionHint()) {
    session.me = null;
  } else {
    try { session.me = await api('GET', '/api/me'); } catch { session.me = null; }
  }
  showNav();
  return session.me;
}

export function signedOut() {
  session.me = null;
  showNav();
}

let first = true;

async function render(moveFocus = true) {
  const hash = location.hash;
  if (hash && !hash.startsWith('#/')) return; // the skip link and other in-page anchors
  if (cleanup) cleanup();
  cleanup = null;
  const name = hash.replace(/^#\/?/, '').split('?')[0] || 'catalog';
  const view = views[name] || views.missing;
  showNav();
  main.replaceChildren();
  const ctx = {
    session, ready: session.ready, notify, refreshSession, rerender: () => render(false),
    go: (to, text) => { flash = text || ''; location.hash = to; },
  };
  cleanup = (await view(main, ctx)) || null;
  // A new page moves focus to its heading (announced by screen readers); the first load
  // and a redraw of the same page (a changed quantity) leave focus alone.
  const heading = main.querySelector('h1');
  if (heading && moveFocus && !first) {
    heading.tabIndex = -1;
    heading.focus();
  }
  first = false;
}

function showCartCount() {
  document.getElementById('cart-count').textContent = String(cartCount());
}

document.getElementById('sign-out').addEventListener('click', async () => {
  try { await api('POST', '/api/auth/logout'); } catch { /* signed out anyway below */ }
  signedOut();
  notify('You are signed out.');
  location.hash = '#/';
});
onCartChange(showCartCount);
showCartCount();
window.addEventListener('hashchange', () => { notify(flash); flash = ''; render(); });
session.ready = refreshSession();
render();
