// The review page: zoom/pan of the photo, live relation checks, keyboard-first entries (Enter confirms, Tab moves
// between flagged fields). Every POST carries the antiforgery token in the RequestVerificationToken header.
(function () {
  'use strict';
  const table = document.getElementById('fields');
  if (!table) return;
  const base = table.dataset.base;
  const editable = table.dataset.editable === 'true';
  const token = document.querySelector('input[name="__RequestVerificationToken"]').value;
  const message = document.getElementById('message');
  const inputs = Array.from(table.querySelectorAll('input.value'));
  const finalStates = ['kept', 'confirmed', 'yours-pending'];
  const stateTexts = {
    kept: 'kept', confirmed: 'corrected, confirmed', 'yours-pending': 'your correction: waits for a second operator',
  };

  function say(text, isError) {
    message.textContent = text;
    message.className = 'message' + (isError ? ' error' : '');
  }

  function parse(input) {
    const text = input.value.trim();
    if (text === '') return { ok: true, value: null };
    if (!/^[0-9]{1,12}$/.test(text)) return { ok: false };
    return { ok: true, value: Number(text) };
  }

  function values() {
    const result = {};
    for (const input of inputs) {
      const parsed = parse(input);
      const row = input.closest('tr');
      result[row.dataset.field] = parsed.ok ? parsed.value : null;
    }
    return result;
  }

  async function post(handler, body) {
    const response = await fetch(base + '?handler=' + handler, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', RequestVerificationToken: token },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
    const data = await response.json().catch(() => null);
    return { ok: response.ok, status: response.status, data };
  }

  function showRelations(relations) {
    const list = document.getElementById('relations');
    list.replaceChildren();
    const brokenBy = {};
    for (const relation of relations) {
      const item = document.createElement('li');
      item.className = relation.holds === true ? 'holds' : relation.holds === false ? 'broken' : 'unknown';
      item.dataset.relation = relation.relationId;
      const code = document.createElement('code');
      code.textContent = relation.expression;
      const detail = document.createElement('span');
      detail.className = 'detail';
      detail.textContent = ' ' + relation.detail;
      item.append(code, detail);
      list.append(item);
      if (relation.holds === false) {
        for (const field of relation.fieldIds) (brokenBy[field] = brokenBy[field] || []).push(relation.expression);
      }
    }
    for (const cell of table.querySelectorAll('[data-broken-for]')) {
      const broken = brokenBy[cell.dataset.brokenFor];
      cell.textContent = broken ? 'breaks ' + broken.join('; ') : '';
      cell.closest('tr').classList.toggle('breaks', !!broken);
    }
  }

  let checkTimer = 0;
  function scheduleCheck() {
    clearTimeout(checkTimer);
    checkTimer = setTimeout(async () => {
      const result = await post('Check', values());
      if (result.ok) showRelations(result.data);
    }, 150);
  }

  function nextFlagged(after) {
    const open = inputs.filter(i => i.tabIndex === 0 && !finalStates.includes(i.closest('tr').dataset.state));
    return open.find(i => inputs.indexOf(i) > inputs.indexOf(after)) || open[0];
  }

  async function enter(input) {
    const parsed = parse(input);
    if (!parsed.ok) {
      say('Digits only (or empty for a blank field).', true);
      return;
    }
    const row = input.closest('tr');
    const result = await post('Enter', { fieldId: row.dataset.field, value: parsed.value });
    if (!result.ok) {
      say(result.data && result.data.message ? result.data.message : 'The entry was not saved (' + result.status + ').', true);
      return;
    }
    const state = { kept: 'kept', confirmed: 'confirmed', proposed: 'yours-pending', disagreed: 'yours-pending' }[result.data.outcome];
    row.dataset.state = state;
    row.className = row.className.replace(/state-[\w-]+/, 'state-' + state);
    row.querySelector('.state-text').textContent = stateTexts[state];
    say(row.querySelector('.label div').textContent + ': ' + (result.data.outcome === 'disagreed'
      ? 'your value differs from the first entry; another operator must confirm it.' : stateTexts[state] + '.'));
    if (result.data.finalized) {
      window.location.assign('/review?done=finished');
      return;
    }
    const next = nextFlagged(input);
    if (next) next.focus(); else window.location.reload();
  }

  for (const input of inputs) {
    input.addEventListener('input', scheduleCheck);
    input.addEventListener('keydown', event => {
      if (event.key === 'Enter' && editable) {
        event.preventDefault();
        enter(input);
      }
    });
    input.addEventListener('focus', () => {
      for (const box of document.querySelectorAll('.box.focused')) box.classList.remove('focused');
      const box = document.querySelector('[data-box="' + CSS.escape(input.closest('tr').dataset.field) + '"]');
      if (box) box.classList.add('focused');
      input.select();
    });
  }
  for (const box of document.querySelectorAll('[data-box]')) {
    box.addEventListener('click', () => {
      const input = document.getElementById('value-' + box.dataset.box);
      if (input && !input.disabled) input.focus();
    });
  }

  // Tabs between the photo and the aligned page.
  for (const tab of document.querySelectorAll('.tab')) {
    tab.addEventListener('click', () => {
      for (const other of document.querySelectorAll('.tab')) {
        other.classList.toggle('active', other === tab);
        document.getElementById(other.dataset.show).hidden = other !== tab;
      }
    });
  }

  // Zoom (wheel, buttons, + - 0 keys) and pan (drag) of the visible pane.
  const views = new Map();
  function transform(pane) {
    const view = views.get(pane) || { scale: 1, x: 0, y: 0 };
    views.set(pane, view);
    return view;
  }
  function apply(pane) {
    const view = transform(pane);
    pane.firstElementChild.style.transform = 'translate(' + view.x + 'px,' + view.y + 'px) scale(' + view.scale + ')';
  }
  function zoom(pane, factor) {
    const view = transform(pane);
    view.scale = Math.min(8, Math.max(1, view.scale * factor));
    if (view.scale === 1) { view.x = 0; view.y = 0; }
    apply(pane);
  }
  function visiblePane() { return Array.from(document.querySelectorAll('.zoomable')).find(p => !p.hidden); }
  for (const pane of document.querySelectorAll('.zoomable')) {
    pane.addEventListener('wheel', event => { event.preventDefault(); zoom(pane, event.deltaY < 0 ? 1.2 : 1 / 1.2); }, { passive: false });
    let drag = null;
    pane.addEventListener('pointerdown', event => {
      if (event.target.closest('.box')) return;
      drag = { x: event.clientX, y: event.clientY };
      pane.setPointerCapture(event.pointerId);
    });
    pane.addEventListener('pointermove', event => {
      if (!drag) return;
      const view = transform(pane);
      view.x += event.clientX - drag.x;
      view.y += event.clientY - drag.y;
      drag = { x: event.clientX, y: event.clientY };
      apply(pane);
    });
    pane.addEventListener('pointerup', () => { drag = null; });
  }
  for (const button of document.querySelectorAll('[data-zoom]')) {
    button.addEventListener('click', () => {
      const pane = visiblePane();
      if (button.dataset.zoom === 'fit') { views.set(pane, { scale: 1, x: 0, y: 0 }); apply(pane); }
      else zoom(pane, button.dataset.zoom === 'in' ? 1.5 : 1 / 1.5);
    });
  }

  scheduleCheck();
  if (editable) {
    const first = nextFlagged(null);
    if (first) first.focus();
  }
})();
