// Tiny DOM helpers: elements built from data, never from HTML strings.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c);
  return el;
}

export function message(kind, text, attrs = {}) {
  return h('p', { class: 'msg ' + kind, role: kind === 'error' ? 'alert' : 'status', ...attrs, text });
}

/** Runs fn now and then every ms after it settles (skipped while the page is hidden); returns stop. */
export function every(ms, fn) {
  let timer = null;
  let stopped = false;
  const tick = async () => {
    if (stopped) return;
    if (!document.hidden) {
      try { if ((await fn()) === false) return; } catch { /* shown by fn; try again next tick */ }
    }
    if (!stopped) timer = setTimeout(tick, ms);
  };
  tick();
  return () => { stopped = true; clearTimeout(timer); };
}

export function wait(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Shows field errors (problem+json `errors`) next to their inputs. */
export function showFieldErrors(form, fields) {
  form.querySelectorAll('.field-error').forEach((e) => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  for (const { field, message: text } of fields) {
    const input = form.elements.namedItem(field);
    if (!input) continue;
    const id = `${input.id}-error`;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', id);
    input.closest('label').append(h('span', { class: 'field-error', id, text }));
  }
}
