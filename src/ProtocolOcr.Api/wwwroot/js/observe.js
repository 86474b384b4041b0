// The observer's page: token kept in localStorage, photos sent as they are (the original is evidence, no downscale),
// progress through XHR, receipts kept on the phone and polled until the worker has read them.
(function () {
  'use strict';
  const TOKEN_KEY = 'protocolocr.token';
  const RECEIPTS_KEY = 'protocolocr.receipts';
  const FINAL = ['accepted', 'needs_review', 'rejected', 'failed'];
  const SENTENCES = {
    missing_token: 'Enter your observer token first.',
    invalid_token: 'This token is not known. Check it with your coordinator.',
    revoked_token: 'This token was revoked. Ask your coordinator for a new one.',
    forbidden: 'This token may not send photos.',
    rate_limited: 'Too many photos in a short time. Wait a little and send again.',
    not_multipart: 'The photo could not be sent. Try again.',
    missing_field: 'Fill in the election, region, precinct and choose a photo.',
    invalid_field: 'One of the fields is too long.',
    file_too_large: 'The photo is too large. Send it at the camera\'s normal size.',
    unsupported_media_type: 'This file is not a photo (JPEG, PNG, WebP or HEIC).',
    empty_file: 'The file is empty. Take the photo again.',
    truncated_image: 'The photo arrived incomplete. Send it again.',
    unreadable_image: 'The photo cannot be opened. Take it again.',
    image_too_large: 'The picture has too many pixels. Use the normal camera setting.',
    unknown_election: 'This election is not known to the server.',
    storage_unavailable: 'The server cannot store photos right now. Nothing was saved; try again in a minute.',
    upload_not_found: 'The server does not know this upload.',
    page_not_found: 'No protocol page was found in the photo. Photograph the whole page, flat, on a darker background.',
    too_blurry: 'The photo is blurred. Hold the phone still and take it again.',
    too_dark: 'The photo is too dark. Find more light and take it again.',
    resolution_too_low: 'The photo is too small to read. Come closer or use the normal camera size.',
    overexposed: 'The photo is too bright (glare). Avoid direct light or flash and take it again.',
    page_cut_off: 'Part of the page is cut off. Get the whole page, all four corners, in the photo.',
    not_a_protocol: 'This does not look like a result protocol. Photograph the protocol itself.',
    template_mismatch: 'The page does not match this election\'s protocol form. Check the election you chose.',
    unknown_form: 'The server cannot read protocols of this election yet.',
    unusable_photo: 'An operator found the photo unusable.',
    processing_failed: 'The server could not process the photo. It has been recorded; you need not send it again.',
  };
  const STATUS = {
    queued: 'Waiting to be read…', processing: 'Being read…', accepted: 'Read: the numbers add up.',
    needs_review: 'Read: an operator will check some numbers.', rejected: 'Not readable.', failed: 'Processing failed.',
  };

  const $ = id => document.getElementById(id);
  const tokenCard = $('token-card');
  const uploadCard = $('upload-card');
  const form = $('upload-form');
  const error = $('error');

  function token() { return localStorage.getItem(TOKEN_KEY); }
  function showCards() {
    tokenCard.hidden = !!token();
    uploadCard.hidden = !token();
  }
  function sentence(code, message) { return SENTENCES[code] || message || code; }
  function fail(text) { error.textContent = text; error.hidden = false; }

  $('save-token').addEventListener('click', () => {
    const value = $('token').value.trim();
    if (!value) return;
    localStorage.setItem(TOKEN_KEY, value);
    showCards();
  });
  $('forget-token').addEventListener('click', () => { localStorage.removeItem(TOKEN_KEY); showCards(); });

  function receipts() { return JSON.parse(localStorage.getItem(RECEIPTS_KEY) || '[]'); }
  function saveReceipt(receipt) {
    const all = receipts().filter(r => r.id !== receipt.id);
    all.unshift(receipt);
    localStorage.setItem(RECEIPTS_KEY, JSON.stringify(all.slice(0, 30)));
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function renderReceipt(receipt) {
    let card = document.querySelector('[data-receipt="' + receipt.id + '"]');
    if (!card) {
      card = element('article', 'card receipt');
      card.dataset.receipt = receipt.id;
      $('receipts').prepend(card);
    }
    card.replaceChildren();
    card.append(element('h2', '', 'Receipt · precinct ' + receipt.precinct));
    const facts = element('dl', 'facts');
    for (const [name, value] of [['Upload id', receipt.id], ['SHA-256', receipt.sha256],
      ['Received', new Date(receipt.receivedAt).toLocaleString()], ['File', receipt.fileName]]) {
      facts.append(element('dt', '', name), element('dd', name === 'SHA-256' ? 'hash' : '', value));
    }
    card.append(facts);
    const status = receipt.status || 'queued';
    const line = element('p', 'status status-' + status, STATUS[status] || status);
    line.dataset.status = status;
    card.append(line);
    if (receipt.reason) card.append(element('p', 'alert', sentence(receipt.reason.code, receipt.reason.message)));
    if (receipt.fields && receipt.fields.length) {
      const table = element('table', 'numbers');
      for (const field of receipt.fields) {
        const row = element('tr', field.status === 'accepted' ? '' : 'check');
        row.append(element('td', '', field.fieldId), element('td', 'num', field.value === null ? '—' : String(field.value)),
          element('td', 'muted', field.status === 'accepted' ? '' : 'to be checked'));
        table.append(row);
      }
      card.append(table);
    }
  }

  async function poll(receipt) {
    while (!FINAL.includes(receipt.status)) {
      await new Promise(resolve => setTimeout(resolve, 3000));
      const response = await fetch('/api/uploads/' + receipt.id, { headers: { Authorization: 'Bearer ' + token() } });
      if (!response.ok) return;
      const body = await response.json();
      receipt.status = body.status;
      receipt.reason = body.reason;
      receipt.fields = body.recognition ? body.recognition.fields.map(f => ({ fieldId: f.fieldId, value: f.value, status: f.status })) : [];
      saveReceipt(receipt);
      renderReceipt(receipt);
    }
  }

  function send(file, fields) {
    return new Promise(resolve => {
      const data = new FormData();
      for (const [name, value] of Object.entries(fields)) data.append(name, value);
      data.append('photo', file, file.name);
      const request = new XMLHttpRequest();
      request.open('POST', '/api/uploads');
      request.setRequestHeader('Authorization', 'Bearer ' + token());
      request.upload.onprogress = event => {
        if (!event.lengthComputable) return;
        const percent = Math.round(100 * event.loaded / event.total);
        $('bar').style.width = percent + '%';
        $('progress-text').textContent = file.name + ': ' + percent + '%';
      };
      request.onload = () => {
        let body = null;
        try { body = JSON.parse(request.responseText); } catch (e) { body = null; }
        resolve({ status: request.status, body });
      };
      request.onerror = () => resolve({ status: 0, body: null });
      request.send(data);
    });
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.hidden = true;
    const files = Array.from($('photo').files);
    const fields = {
      electionId: $('election').value, region: $('region').value.trim(), precinct: $('precinct').value.trim(), note: $('note').value.trim(),
    };
    if (!files.length || !fields.region || !fields.precinct) { fail(SENTENCES.missing_field); return; }
    $('send').disabled = true;
    $('progress').hidden = false;
    for (const file of files) {
      $('bar').style.width = '0%';
      const result = await send(file, fields);
      if (result.status === 202) {
        const receipt = Object.assign({}, result.body, { precinct: fields.precinct, fileName: file.name, status: 'queued' });
        saveReceipt(receipt);
        renderReceipt(receipt);
        poll(receipt);
      } else if (result.status === 0) {
        fail(file.name + ': no connection. Nothing was saved; send it again when you have signal.');
      } else {
        if (result.body && /token/.test(result.body.error)) { localStorage.removeItem(TOKEN_KEY); showCards(); }
        fail(file.name + ': ' + sentence(result.body && result.body.error, result.body && result.body.message));
      }
    }
    $('send').disabled = false;
    $('progress').hidden = true;
    $('photo').value = '';
  });

  showCards();
  for (const receipt of receipts().slice().reverse()) {
    renderReceipt(receipt);
    if (token()) poll(receipt);
  }
})();
