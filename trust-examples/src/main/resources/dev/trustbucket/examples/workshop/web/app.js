// The workshop page. This script only places what the server sends: every level, tier, number and
// sentence comes from trust-core through the JSON API (see WorkshopServer); nothing is computed here.
'use strict';

const $ = (id) => document.getElementById(id);
let view = null;
let playing = null;
let busy = false;
let selected = null;

function form(fields) {
  return new URLSearchParams(fields).toString();
}

async function call(path, fields) {
  const options = fields === undefined ? {} : {
    method: 'POST',
    headers: {'Content-Type': 'application/x-www-form-urlencoded'},
    body: form(fields),
  };
  const response = await fetch(path, options);
  const data = await response.json();
  if (!response.ok) {
    $('message').textContent = data.error + (data.field ? ' (field: ' + data.field + ')' : '');
    return null;
  }
  $('message').textContent = '';
  return data;
}

// Actions go to the server one at a time, in the order they were made, so that a quick second
// click never overtakes the first.
let queue = Promise.resolve();

function act(path, fields) {
  const next = queue.then(async () => {
    busy = true;
    try {
      const data = await call(path, fields);
      if (data) {
        render(data);
      }
      return data;
    } finally {
      busy = false;
    }
  });
  queue = next.catch(() => null);
  return next;
}

function text(tag, content, className) {
  const element = document.createElement(tag);
  element.textContent = content;
  if (className) {
    element.className = className;
  }
  return element;
}

function render(v) {
  view = v;
  document.body.dataset.week = v.week;
  $('chart').innerHTML = v.chart.replace(/^<\?xml[^>]*>\s*/, '');
  $('week-label').textContent = 'Week ' + v.week + ' of ' + v.weeks + ' (week of ' + v.weekOf + ')';
  $('level').textContent = v.panel.level;
  $('tier').textContent = v.panel.tierText;
  $('confidence').textContent = v.panel.confidence + ' (certainty ' + v.panel.certainty + ')';
  $('ceiling').textContent = v.panel.ceiling + (v.panel.scarred ? ' (scarred)' : '');
  $('policy-select').value = v.policy;
  $('compare-select').value = v.compare;
  if (v.otherPolicy) {
    $('compare-policy').value = v.otherPolicy;
  }
  const difference = $('difference');
  if (v.other) {
    difference.hidden = false;
    difference.textContent = v.other.labelA + ' vs ' + v.other.labelB + ': B is at ' + v.other.level + ', '
        + v.other.tierText + '. ' + v.other.difference;
  } else {
    difference.hidden = true;
    difference.textContent = '';
  }
  const why = $('explanation');
  why.replaceChildren(text('p', v.panel.explanation.summary));
  for (const [title, list] of [['Raised by', v.panel.explanation.raised], ['Lowered by', v.panel.explanation.lowered],
      ['Open scars', v.panel.explanation.scars]]) {
    if (list.length > 0) {
      why.appendChild(text('h4', title));
      const ul = document.createElement('ul');
      list.forEach((line) => ul.appendChild(text('li', line)));
      why.appendChild(ul);
    }
  }
  why.appendChild(text('p', v.panel.explanation.decay));
  const forecast = $('forecast');
  forecast.replaceChildren(...v.panel.forecast.map((line) => text('li', line)));

  const table = $('table').tBodies[0];
  table.replaceChildren(...v.table.map((w) => {
    const tr = document.createElement('tr');
    [String(w.week), w.weekOf, w.level, w.tierText, String(w.events)].forEach((c) => tr.appendChild(text('td', c)));
    return tr;
  }));
  renderEvents(v);
  $('undo').disabled = !v.canUndo;
  $('step').disabled = v.week >= v.weeks;
  $('last').disabled = v.week >= v.weeks;
  $('step-back').disabled = v.week <= 1;
  $('first').disabled = v.week <= 1;
  $('add-legend').textContent = selected
      ? 'Add "' + selected.label + '" in week ' + v.week : 'Add';
  $('add').textContent = 'Add in week ' + v.week;
}

function renderEvents(v) {
  const body = $('events').tBodies[0];
  body.replaceChildren(...v.events.map((e) => {
    const tr = document.createElement('tr');
    tr.className = e.kind + (e.shown ? '' : ' later');
    tr.dataset.index = e.index;
    tr.appendChild(text('td', String(e.week)));
    tr.appendChild(text('td', e.date));
    tr.appendChild(text('td', e.label + (e.breach ? ' (breach)' : '') + (e.narration !== e.label ? ': ' + e.narration : '')));
    tr.appendChild(text('td', e.weight));
    tr.appendChild(text('td', e.change, 'effect'));
    const cell = document.createElement('td');
    if (e.kind === 'drain') {
      const select = document.createElement('select');
      select.className = 'disclosure';
      select.setAttribute('aria-label', 'Disclosure of ' + e.label + ' on ' + e.date);
      for (const [value, label] of [['not-recorded', 'not recorded'], ['self-reported', 'self-reported'],
          ['discovered', 'discovered after']]) {
        const option = text('option', label);
        option.value = value;
        select.appendChild(option);
      }
      select.value = e.disclosure;
      const days = document.createElement('input');
      days.type = 'number';
      days.min = '0';
      days.max = '3650';
      days.className = 'days';
      days.value = e.disclosure === 'discovered' ? String(e.discoveredDays) : '9';
      days.setAttribute('aria-label', 'Days until ' + e.label + ' on ' + e.date + ' was discovered');
      const apply = text('button', 'Apply');
      apply.type = 'button';
      apply.className = 'apply';
      apply.setAttribute('aria-label', 'Apply the disclosure of ' + e.label + ' on ' + e.date);
      apply.addEventListener('click', () => act('/api/disclosure',
          {index: e.index, disclosure: select.value, days: days.value}));
      cell.append(select, ' ', days, ' days ', apply);
    } else {
      cell.textContent = '';
    }
    tr.appendChild(cell);
    return tr;
  }));
}

function goTo(week) {
  if (!view || week < 1 || week > view.weeks) {
    return Promise.resolve(null);
  }
  return act('/api/week', {week: week});
}

function stop() {
  if (playing !== null) {
    clearInterval(playing);
    playing = null;
  }
  $('play').setAttribute('aria-pressed', 'false');
  $('play').textContent = '\u25B6 Play';
}

function togglePlay() {
  if (playing !== null) {
    stop();
    return;
  }
  if (view && view.week >= view.weeks) {
    goTo(1);
  }
  $('play').setAttribute('aria-pressed', 'true');
  $('play').textContent = '\u23F8 Pause';
  playing = setInterval(async () => {
    if (busy || !view) {
      return;
    }
    if (view.week >= view.weeks) {
      stop();
      return;
    }
    await goTo(view.week + 1);
  }, 600);
}

function choose(behaviour, button) {
  selected = behaviour;
  document.querySelectorAll('.buttons button').forEach((b) => b.setAttribute('aria-pressed', 'false'));
  button.setAttribute('aria-pressed', 'true');
  $('add-form').hidden = false;
  $('weight').value = behaviour.weight;
  $('disclosure-group').hidden = behaviour.kind !== 'drain';
  document.querySelector('input[name="disclosure"][value="not-recorded"]').checked = true;
  $('note').value = '';
  $('add-legend').textContent = 'Add "' + behaviour.label + '" in week ' + (view ? view.week : 1);
  $('weight').focus();
}

async function start() {
  const catalogue = await call('/api/catalogue');
  for (const s of catalogue.scenarios) {
    const option = text('option', s.title + ' (' + s.name + ')');
    option.value = s.name;
    $('scenario-select').appendChild(option);
  }
  for (const p of catalogue.policies) {
    const a = text('option', p);
    a.value = p;
    $('policy-select').appendChild(a);
    const b = text('option', p);
    b.value = p;
    $('compare-policy').appendChild(b);
  }
  $('compare-policy').value = 'symmetric';
  for (const b of catalogue.behaviours) {
    const button = text('button', b.label, b.kind);
    button.type = 'button';
    button.dataset.behaviour = b.id;
    button.setAttribute('aria-pressed', 'false');
    button.title = b.kind + ', ' + b.dimension + ', weight ' + b.weight;
    button.addEventListener('click', () => choose(b, button));
    $(b.kind === 'drop' ? 'drops' : 'drains').appendChild(button);
  }
  $('load').addEventListener('click', () => { stop(); act('/api/load', {scenario: $('scenario-select').value}); });
  $('blank').addEventListener('click', () => { stop(); act('/api/load', {scenario: 'blank', policy: $('policy-select').value}); });
  $('policy-select').addEventListener('change', () => act('/api/policy', {policy: $('policy-select').value}));
  $('compare').addEventListener('click', () => act('/api/compare',
      {mode: $('compare-select').value, policy: $('compare-policy').value}));
  $('undo').addEventListener('click', () => act('/api/undo', {}));
  $('play').addEventListener('click', togglePlay);
  $('step').addEventListener('click', () => { stop(); goTo(view.week + 1); });
  $('step-back').addEventListener('click', () => { stop(); goTo(view.week - 1); });
  $('first').addEventListener('click', () => { stop(); goTo(1); });
  $('last').addEventListener('click', () => { stop(); goTo(view.weeks); });
  $('cancel').addEventListener('click', () => {
    $('add-form').hidden = true;
    selected = null;
    document.querySelectorAll('.buttons button').forEach((b) => b.setAttribute('aria-pressed', 'false'));
  });
  $('add-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!selected) {
      return;
    }
    const fields = {behaviour: selected.id, weight: $('weight').value, note: $('note').value};
    if (selected.kind === 'drain') {
      fields.disclosure = document.querySelector('input[name="disclosure"]:checked').value;
      if (fields.disclosure === 'discovered') {
        fields.days = $('days').value;
      }
    }
    const done = await act('/api/events', fields);
    if (done) {
      const button = document.querySelector('.buttons button[data-behaviour="' + selected.id + '"]');
      $('add-form').hidden = true;
      selected = null;
      if (button) {
        button.setAttribute('aria-pressed', 'false');
        button.focus();
      }
    }
  });
  $('import-file').addEventListener('change', async () => {
    const file = $('import-file').files[0];
    if (file) {
      stop();
      await act('/api/import', {name: file.name, file: await file.text()});
      $('import-file').value = '';
    }
  });
  document.addEventListener('keydown', (event) => {
    const t = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey || (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT'
        || t.tagName === 'TEXTAREA'))) {
      return;
    }
    if (event.key === '.') {
      stop();
      goTo(view.week + 1);
    } else if (event.key === ',') {
      stop();
      goTo(view.week - 1);
    } else if (event.key === 'p') {
      togglePlay();
    } else if (event.key === 'u' && view && view.canUndo) {
      act('/api/undo', {});
    } else {
      return;
    }
    event.preventDefault();
  });
  const first = await call('/api/state');
  if (first) {
    render(first);
    $('scenario-select').value = 'essay';
  }
  document.body.dataset.ready = 'true';
}

start();
