// EventShop operations console: a client of the admin API (/api/admin), refreshed by polling.
// Data is only ever put into the page as text (never as HTML), so an event payload cannot inject markup.
'use strict';

const REFRESH_MILLIS = 2000;
const LAG_WARNING_EVENTS = 1000;
const PAGE_SIZE = 50;            // events per page of the event browser and the timeline
const DEAD_LETTERS_SHOWN = 100;  // the first page of dead letters; more are counted as "100+"
const CREDENTIALS_KEY = 'eventshop.dashboard.credentials';

const state = {
    credentials: sessionStorage.getItem(CREDENTIALS_KEY),
    tab: 'overview',
    timer: null,
    rebuilds: new Map(),     // projection name -> the generation a rebuild started from this page builds
    events: {filter: {}, pages: []},
    timeline: [],            // the pages of the open timeline so far
    charts: {},
    rendered: {},            // table name -> the data it shows, as JSON
};

// ---- the admin API ----

class SignInRequired extends Error {
}

async function api(path, options = {}) {
    return (await apiPage(path, options)).body;
}

/** A paged list's answer: its elements, and the path of the next page its Link header names (null on the last). */
async function apiPage(path, options = {}) {
    const response = await fetch(path, {
        method: options.method || 'GET',
        headers: {
            'Authorization': 'Basic ' + state.credentials,
            'Accept': 'application/json, application/problem+json',
            'X-Requested-With': 'XMLHttpRequest', // no browser sign-in dialog: this page has its own
            ...(options.body ? {'Content-Type': 'application/json'} : {}),
        },
        body: options.body ? JSON.stringify(options.body) : undefined,
        cache: 'no-store',
    });
    if (response.status === 401) {
        throw new SignInRequired('The user name or password was not accepted.');
    }
    if (response.status === 403) {
        throw new SignInRequired('This account may not use the operations console; sign in as admin.');
    }
    const body = response.headers.get('Content-Type')?.includes('json') ? await response.json() : null;
    if (!response.ok && !options.acceptAnyStatus) {
        throw new Error(body?.detail || body?.title || `${response.status} ${response.statusText}`);
    }
    const next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('Link') || '');
    return {body, next: next ? next[1] : null};
}

// ---- small DOM helpers ----

function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value === undefined || value === null || value === false) continue;
        if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
        else if (name === 'text') element.textContent = value;
        else element.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat()) {
        if (child !== null && child !== undefined) element.append(child);
    }
    return element;
}

const $ = (selector) => document.querySelector(selector);

function fill(tbody, rows, emptyText, columns) {
    tbody.replaceChildren(...(rows.length ? rows : [h('tr', {class: 'empty'}, h('td', {colspan: columns, text: emptyText}))]));
}

function bar(share, label, kind, role) {
    const percent = Math.max(0, Math.min(100, share * 100));
    const fillBar = h('span');
    fillBar.style.width = `${percent}%`;
    return h('div', {class: `bar ${kind}`, 'data-role': role, title: label}, fillBar, h('em', {text: label}));
}

const number = (n) => Number(n).toLocaleString('en');
const time = (iso) => iso ? new Date(iso).toLocaleString('en-GB') : '';
const json = (value) => JSON.stringify(value);

// ---- signing in ----

function showLogin(message) {
    clearTimeout(state.timer);
    sessionStorage.removeItem(CREDENTIALS_KEY);
    state.credentials = null;
    $('#console').hidden = true;
    $('#sign-out').hidden = true;
    $('#who').textContent = '';
    $('#login').hidden = false;
    $('#login-error').textContent = message || '';
    $('#login-password').value = '';
    $('#login-password').focus();
}

async function signIn(event) {
    event.preventDefault();
    const user = $('#login-user').value.trim();
    // btoa takes Latin-1 only: encode the UTF-8 bytes first, as the server decodes them
    const bytes = new TextEncoder().encode(`${user}:${$('#login-password').value}`);
    state.credentials = btoa(String.fromCharCode(...bytes));
    try {
        await api('/api/admin/processors');
    } catch (e) {
        showLogin(e.message);
        return;
    }
    sessionStorage.setItem(CREDENTIALS_KEY, state.credentials);
    startConsole(user);
}

function startConsole(user) {
    $('#login').hidden = true;
    $('#console').hidden = false;
    $('#sign-out').hidden = false;
    $('#who').textContent = user ? `signed in as ${user}` : 'signed in';
    showTab(location.hash.slice(1) || 'overview');
    refresh();
}

// ---- tabs ----

function showTab(tab) {
    if (!document.getElementById(tab)?.classList.contains('view')) tab = 'overview';
    state.tab = tab;
    document.querySelectorAll('.view').forEach((view) => view.hidden = view.id !== tab);
    document.querySelectorAll('.tabs a').forEach((link) => link.classList.toggle('active', link.dataset.tab === tab));
    if (tab === 'events' && !state.events.pages.length) loadEvents();
}

// ---- the refresh loop ----

// One refresh at a time: an action asks for one while another runs, and gets it right after.
async function refresh() {
    clearTimeout(state.timer);
    if (state.refreshing) {
        state.refreshAgain = true;
        return;
    }
    state.refreshing = true;
    state.refreshAgain = false;
    const signedInAs = state.credentials;
    try {
        const [projections, processors, deadLetterPage, health, metrics, sagas, feed] = await Promise.all([
            api('/api/admin/projections'),
            api('/api/admin/processors'),
            apiPage(`/api/admin/dead-letters?limit=${DEAD_LETTERS_SHOWN}`),
            api('/actuator/health', {acceptAnyStatus: true}), // 503 while DOWN, with the reasons
            api('/api/admin/metrics/live'),
            api('/api/admin/sagas'),
            api('/api/admin/feed'),
        ]);
        const deadLetters = deadLetterPage.body;
        deadLetters.more = Boolean(deadLetterPage.next);
        renderAlerts(processors, deadLetters, health, sagas);
        // redraw a table only when its data changed: a row being clicked or selected stays put
        renderIfChanged('projections', [projections, [...state.rebuilds]], () => renderProjections(projections));
        renderIfChanged('processors', processors, () => renderProcessors(processors));
        renderIfChanged('deadLetters', deadLetterPage, () => renderDeadLetters(deadLetters));
        renderIfChanged('sagas', sagas, () => renderSagas(sagas));
        renderIfChanged('feed', feed, () => renderFeed(feed));
        renderCharts(metrics);
        $('#refreshed').textContent = `updated ${new Date().toLocaleTimeString('en-GB')}`;
    } catch (e) {
        if (e instanceof SignInRequired) {
            state.refreshing = false;
            showLogin(e.message);
            return;
        }
        renderAlerts(null, null, null, null, `The service does not answer: ${e.message}`);
    }
    state.refreshing = false;
    if (!state.credentials || state.credentials !== signedInAs) return; // signed out meanwhile
    if (state.refreshAgain) refresh();
    else state.timer = setTimeout(refresh, REFRESH_MILLIS);
}

/** The feed on this node: how far it serves, and who follows it live. */
function renderFeed(feed) {
    $('#feed-summary').textContent = `head ${feed.head}, served up to ${feed.horizon}, `
        + `${feed.streams.length} live stream${feed.streams.length === 1 ? '' : 's'} on this node`;
    fill($('#feed-rows'), feed.streams.map((stream) => h('tr', {'data-consumer': stream.consumer},
        h('td', {text: stream.consumer}),
        h('td', {text: time(stream.openedAt)}),
        h('td', {class: 'mono', text: `${stream.position} (${feed.head - stream.position} behind)`}))),
        'No consumer follows the feed on this node.', 3);
}

function renderIfChanged(name, data, render) {
    const fingerprint = JSON.stringify(data);
    if (state.rendered[name] !== fingerprint) {
        state.rendered[name] = fingerprint;
        render();
    }
}

// ---- what is wrong, at the top ----

function renderAlerts(processors, deadLetters, health, sagas, failure) {
    const alerts = [];
    if (failure) alerts.push(['bad', failure]);
    if (health && health.status !== 'UP') {
        const down = Object.entries(health.components || {})
            .filter(([, component]) => component.status !== 'UP').map(([name]) => name);
        alerts.push(['bad', `Health is ${health.status}${down.length ? ': ' + down.join(', ') : ''}`]);
    }
    for (const processor of processors || []) {
        if (processor.error) {
            const failing = processor.segments.find((segment) => segment.error);
            alerts.push(['bad', `Processor ${processor.name} is in error${failing ? ': ' + failing.error : ''}`]);
        } else if (!processor.running && !standsBy(processor)) {
            alerts.push(['warn', `Processor ${processor.name} is stopped`]);
        } else if (processor.running && processor.role !== 'building' && processor.lag >= LAG_WARNING_EVENTS) {
            alerts.push(['warn', `Processor ${processor.name} is ${number(processor.lag)} events behind`]);
        }
    }
    if (deadLetters?.length) {
        const groups = [...new Set(deadLetters.map((letter) => letter.processingGroup))];
        alerts.push(['bad', `${countOf(deadLetters)} dead letter${deadLetters.length > 1 ? 's' : ''} in `
            + `${groups.join(', ')}${deadLetters.more ? ' and more' : ''}: those sequences are held up until retried`]);
    }
    const overdue = (sagas?.deadlines || []).filter((d) => !d.running && Date.parse(d.dueAt) < Date.now() - 60000);
    if (overdue.length) alerts.push(['warn', `${overdue.length} deadline(s) overdue by more than a minute`]);
    if (!alerts.length && processors) {
        alerts.push(['ok', 'All processors that should run are running and caught up; no dead letters.']);
    }
    $('#alerts').replaceChildren(...alerts.map(([kind, text]) => h('li', {class: kind, text})));

    const pill = $('#health');
    pill.textContent = health ? `health ${health.status}` : 'health unknown';
    pill.className = 'pill ' + (!health ? 'warn' : health.status === 'UP' ? 'ok' : 'bad');
    $('#dead-letter-count').textContent = deadLetters?.length ? countOf(deadLetters) : '';
}

/** How many a first page holds, with a "+" when its Link header names a next page. */
const countOf = (page) => `${page.length}${page.more ? '+' : ''}`;

// ---- projections ----

function renderProjections(projections) {
    const rows = projections.map((projection) => h('tr', {'data-projection': projection.name},
        h('td', {}, h('strong', {text: projection.name}),
            h('div', {class: 'muted', text: `version ${projection.codeVersion} in this node's code`})),
        h('td', {}, servingOf(projection)),
        h('td', {}, rebuildBar(projection)),
        h('td', {}, h('div', {class: 'actions'}, projectionActions(projection)))));
    fill($('#projection-rows'), rows, 'No projections.', 4);
}

function servingOf(projection) {
    const serving = projection.serving;
    if (!serving) {
        return h('span', {class: 'muted', 'data-role': 'serving', text: 'nothing yet: the first generation is being built'});
    }
    return h('div', {'data-role': 'serving', 'data-generation': serving.generation},
        h('strong', {text: `generation ${serving.generation}`}),
        h('span', {class: 'muted', text: ` · ${serving.processor} · version ${serving.version}`}),
        h('div', {class: 'muted', text: `since ${time(serving.liveAt)}`}));
}

function rebuildBar(projection) {
    const rebuild = projection.rebuild;
    if (rebuild) {
        const eta = rebuild.secondsLeft === null ? 'time left unknown yet'
            : rebuild.eventsToGo === 0 ? 'caught up, switching' : `about ${duration(rebuild.secondsLeft)} left`;
        const label = `generation ${rebuild.generation}: ${Math.floor(rebuild.progress * 100)} % — `
            + `${number(rebuild.eventsDone)} done, ${number(rebuild.eventsToGo)} to go, `
            + `${number(Math.round(rebuild.eventsPerSecond))} events/s, ${eta}`;
        return bar(rebuild.progress, label, 'replay', 'rebuild');
    }
    const startedHere = state.rebuilds.get(projection.name);
    if (startedHere !== undefined && projection.serving?.generation >= startedHere) {
        return bar(1, `generation ${projection.serving.generation}: 100 % — switched, it serves reads since `
            + time(projection.serving.liveAt), 'replay', 'rebuild');
    }
    if (startedHere !== undefined) {
        return h('span', {class: 'muted', 'data-role': 'rebuild', text: `generation ${startedHere} was cancelled`});
    }
    return null;
}

function projectionActions(projection) {
    const path = `/api/admin/projections/${encodeURIComponent(projection.name)}/rebuild`;
    return projection.rebuild
        ? [h('button', {class: 'small quiet', 'data-action': 'cancel-rebuild',
            onclick: () => act(path, 'DELETE')}, 'Cancel rebuild')]
        : [h('button', {class: 'small danger', 'data-action': 'rebuild',
            onclick: () => rebuild(projection.name)}, 'Rebuild')];
}

async function rebuild(projection) {
    if (!confirm(`Rebuild ${projection} from the start of the store? A new generation is built beside the one `
        + 'that serves; reads switch to it once it has caught up.')) return;
    const started = await act(`/api/admin/projections/${encodeURIComponent(projection)}/rebuild`);
    if (started?.rebuild) state.rebuilds.set(projection, started.rebuild.generation);
    refresh();
}

function duration(seconds) {
    if (seconds < 90) return `${Math.max(1, Math.round(seconds))} s`;
    if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
    return `${(seconds / 3600).toFixed(1)} h`;
}

// ---- processors ----

function renderProcessors(processors) {
    const rows = processors.map((processor) => h('tr', {'data-processor': processor.name},
        h('td', {}, h('strong', {text: processor.name}), h('div', {class: 'muted', text: describe(processor)})),
        h('td', {}, statusOf(processor)),
        h('td', {}, lagBar(processor), replayBar(processor)),
        h('td', {}, h('div', {class: 'segments'}, processor.segments.map((s) => segmentChip(processor, s)))),
        h('td', {}, h('div', {class: 'actions'}, actionsOf(processor)))));
    fill($('#processor-rows'), rows, 'No event processors.', 5);
}

// an idle slot waits for the next rebuild, a retired one is being dropped: stopped is what they should be
function standsBy(processor) {
    return processor.role === 'idle' || processor.role === 'retired';
}

// a projection's slot says what it does: serves generation 3, builds 4, stands idle...
function describe(processor) {
    if (!processor.projection) return processor.mode;
    const generation = processor.generation === null ? '' : ` generation ${processor.generation}`;
    return `${processor.mode} · ${processor.role}${generation}`;
}

function statusOf(processor) {
    const [kind, text] = processor.error ? ['bad', 'error'] : processor.running ? ['ok', 'running'] : ['warn', 'stopped'];
    return h('span', {class: `status ${kind}`, 'data-role': 'status', text});
}

function lagBar(processor) {
    if (processor.mode === 'subscribing') return h('span', {class: 'muted', text: 'in the publishing thread'});
    if (processor.role === 'idle') return h('span', {class: 'muted', 'data-role': 'lag', text: 'idle until the next rebuild'});
    const share = processor.headOfStore ? processor.lag / processor.headOfStore : 0;
    const kind = processor.error ? 'bad' : processor.lag >= LAG_WARNING_EVENTS && processor.role !== 'building' ? 'warn' : '';
    const label = processor.lag ? `${number(processor.lag)} events behind` : `caught up at ${number(processor.headOfStore)}`;
    // an empty bar reads "nothing behind"; a sliver is still drawn for any lag, so it is never invisible
    return bar(processor.lag ? Math.max(share, 0.02) : 0, label, kind, 'lag');
}

// a reset of Axon's own (a projection's replay is a rebuild of a new generation, shown with the projections)
function replayBar(processor) {
    if (!processor.replaying) return null;
    return bar(processor.replayProgress, `replay ${Math.floor(processor.replayProgress * 100)} %`, 'replay', 'replay');
}

function segmentChip(processor, segment) {
    const behind = segment.position === null ? processor.headOfStore : processor.headOfStore - segment.position;
    const kind = segment.error ? 'bad' : behind > 0 ? 'lagging' : '';
    return h('span', {class: `segment ${kind}`, 'data-segment': segment.segment,
            title: segment.error || `claimed by ${segment.owner || 'no node'}`},
        h('strong', {text: `#${segment.segment}`}),
        h('span', {class: 'mono', text: `@${segment.position ?? '–'}`}),
        h('span', {class: 'muted', text: shortOwner(segment.owner)}),
        h('button', {class: 'small quiet', 'data-action': 'split', title: 'Split this segment in two',
            onclick: () => act(`${processorPath(processor.name)}/segments/${segment.segment}/split`)}, 'split'),
        processor.segments.length > 1 ? h('button', {class: 'small quiet', 'data-action': 'merge',
            title: 'Merge with its sibling',
            onclick: () => act(`${processorPath(processor.name)}/segments/${segment.segment}/merge`)}, 'merge') : null);
}

// Axon names a node "pid@host"; the host is what tells two nodes apart at a glance
const shortOwner = (owner) => owner ? owner.replace(/^\d+@/, '') : 'unclaimed';

function actionsOf(processor) {
    if (processor.mode === 'subscribing') return [];
    const path = processorPath(processor.name);
    return [
        processor.running
            ? h('button', {class: 'small quiet', 'data-action': 'stop', onclick: () => act(`${path}/stop`)}, 'Stop')
            : standsBy(processor) ? null
                : h('button', {class: 'small quiet', 'data-action': 'start', onclick: () => act(`${path}/start`)}, 'Start'),
        processor.resettable
            ? h('button', {class: 'small danger', 'data-action': 'replay', title: `Rebuild ${processor.projection}`,
                onclick: () => rebuild(processor.projection)}, 'Replay')
            : null,
    ];
}

const processorPath = (name) => `/api/admin/processors/${encodeURIComponent(name)}`;

async function act(path, method = 'POST') {
    let answer = null;
    try {
        answer = await api(path, {method});
    } catch (e) {
        if (e instanceof SignInRequired) return showLogin(e.message);
        notice(e.message, 'bad');
    }
    refresh();
    return answer;
}

function notice(text, kind = 'ok') {
    const element = $('#notice');
    element.textContent = text;
    element.className = `notice ${kind}`;
    element.hidden = false;
    clearTimeout(state.noticeTimer);
    state.noticeTimer = setTimeout(() => element.hidden = true, 10000);
}

// ---- dead letters ----

function renderDeadLetters(deadLetters) {
    const firstOfGroup = new Set();
    const rows = deadLetters.map((letter) => {
        const first = !firstOfGroup.has(letter.processingGroup);
        firstOfGroup.add(letter.processingGroup);
        return h('tr', {'data-dead-letter': letter.sequence, 'data-group': letter.processingGroup},
            h('td', {text: letter.processingGroup}),
            h('td', {class: 'mono', text: letter.sequence}),
            h('td', {}, h('strong', {text: letter.eventType}),
                h('div', {}, aggregateLink(letter.aggregateId))),
            letter.causeType
                ? h('td', {}, h('div', {text: letter.causeType}), h('div', {class: 'muted', text: letter.causeMessage || ''}))
                : h('td', {class: 'muted', text: 'queued behind the failed event of its sequence'}),
            h('td', {text: time(letter.enqueuedAt)}),
            h('td', {}, h('div', {class: 'actions'},
                h('button', {class: 'small', 'data-action': 'retry', title: 'Retry this sequence',
                    onclick: () => retry(`${deadLetterPath(letter)}/retry`)}, 'Retry'),
                first ? h('button', {class: 'small quiet', 'data-action': 'retry-group',
                    title: 'Retry every sequence of this group',
                    onclick: () => retry(`/api/admin/dead-letters/${encodeURIComponent(letter.processingGroup)}/retry`)}, 'Retry all') : null,
                h('button', {class: 'small danger', 'data-action': 'delete', onclick: () => giveUp(letter)}, 'Give up'))));
    });
    if (deadLetters.more) {
        rows.push(h('tr', {class: 'empty'}, h('td', {colspan: 6,
            text: `The first ${deadLetters.length} are shown: retry or give up these to see the next ones.`})));
    }
    fill($('#dead-letter-rows'), rows, 'No dead letters.', 6);
}

async function retry(path) {
    const answer = await act(path);
    if (answer) {
        notice(answer.count ? `${answer.count} sequence(s) went through.`
            : 'The retry failed again: the dead letter stays, with its new cause.', answer.count ? 'ok' : 'bad');
    }
}

async function giveUp(letter) {
    if (!confirm(`Give up sequence ${letter.sequence} in ${letter.processingGroup}? `
        + 'Its events will not be handled by that projection.')) return;
    await act(deadLetterPath(letter), 'DELETE');
}

const deadLetterPath = (letter) =>
    `/api/admin/dead-letters/${encodeURIComponent(letter.processingGroup)}/${encodeURIComponent(letter.sequence)}`;

// ---- sagas ----

function renderSagas(sagas) {
    const active = sagas.types.reduce((sum, type) => sum + type.active, 0);
    $('#saga-count').textContent = active ? String(active) : '';
    const rows = sagas.types.flatMap((type) => type.instances.map((instance) => h('tr', {'data-saga': instance.sagaId},
        h('td', {text: type.type}),
        h('td', {class: 'mono', text: instance.sagaId}),
        h('td', {}, Object.entries(instance.associations).map(([key, value]) =>
            h('div', {}, h('span', {class: 'muted', text: `${key} `}), aggregateLink(value)))))));
    fill($('#saga-rows'), rows, 'No active sagas: every order has finished.', 3);
    const deadlines = sagas.deadlines.map((deadline) => h('tr', {},
        h('td', {text: time(deadline.dueAt)}),
        h('td', {class: 'mono', text: deadline.id}),
        h('td', {text: deadline.task}),
        h('td', {text: deadline.running ? 'running' : 'waiting'})));
    fill($('#deadline-rows'), deadlines, 'No pending deadlines.', 4);
}

// ---- event browser ----

function aggregateLink(id) {
    if (!id) return '';
    return h('a', {class: 'aggregate mono', 'data-aggregate': id, href: `#timeline`, title: 'Open its timeline',
        onclick: (event) => {
            event.preventDefault();
            openTimeline(id);
        }}, id);
}

function isoOrUndefined(localValue) {
    return localValue ? new Date(localValue).toISOString() : undefined;
}

/** A page of the event browser: the first of the filter, or the older one a Link header named. */
async function loadEvents(nextPage) {
    const query = new URLSearchParams({limit: String(PAGE_SIZE)});
    for (const [name, value] of Object.entries(state.events.filter)) if (value) query.set(name, value);
    try {
        const {body: events, next} = await apiPage(nextPage || `/api/admin/events?${query}`);
        state.events.pages = nextPage ? [...state.events.pages, events] : [events];
        const rows = events.map((event) => h('tr', {'data-event': event.globalIndex},
            h('td', {class: 'mono', text: event.globalIndex}),
            h('td', {text: time(event.timestamp)}),
            h('td', {}, h('strong', {text: event.type}), event.revision ? h('span', {class: 'muted', text: ` r${event.revision}`}) : null,
                erasedMark(event)),
            h('td', {}, h('div', {class: 'muted', text: event.aggregateType}), aggregateLink(event.aggregateId)),
            h('td', {text: event.sequence}),
            h('td', {text: event.principal || ''}),
            h('td', {class: 'payload'}, h('code', {text: json(event.payload)}))));
        fill($('#event-rows'), rows, 'No event matches.', 7);
        $('#events-older').hidden = !next;
        $('#events-older').onclick = () => loadEvents(next);
    } catch (e) {
        if (e instanceof SignInRequired) return showLogin(e.message);
        fill($('#event-rows'), [], e.message, 7);
    }
}

/** Says so when an event's personal data reads null because its person was erased (not because it was empty). */
function erasedMark(event) {
    return event.personalDataErased ? h('div', {class: 'muted', 'data-erased': '', text: 'personal data erased'}) : null;
}

function searchEvents(event) {
    event.preventDefault();
    const form = new FormData($('#event-filter'));
    state.events.filter = {
        aggregateId: form.get('aggregateId').trim(),
        type: form.get('type').trim(),
        from: isoOrUndefined(form.get('from')),
        to: isoOrUndefined(form.get('to')),
    };
    loadEvents();
}

// ---- an aggregate's timeline ----

/** An aggregate's timeline, a page at a time: "Later events" follows the Link header to the next page. */
async function openTimeline(id, nextPage) {
    $('#timeline-id').value = id;
    location.hash = 'timeline';
    showTab('timeline');
    try {
        const {body: page, next} = await apiPage(nextPage
            || `/api/admin/aggregates/${encodeURIComponent(id)}/timeline?limit=${PAGE_SIZE}`);
        const entries = nextPage ? [...state.timeline, ...page] : page;
        state.timeline = entries;
        const first = entries[0];
        $('#timeline-summary').textContent = `${first.aggregateType} ${id}: ${entries.length}${next ? '+' : ''} events, `
            + `from ${time(first.timestamp)} to ${time(entries[entries.length - 1].timestamp)}`;
        $('#timeline-more').hidden = !next;
        $('#timeline-more').onclick = () => openTimeline(id, next);
        fill($('#timeline-rows'), entries.map((entry) => h('tr', {'data-sequence': entry.sequence},
            h('td', {text: entry.sequence}),
            h('td', {text: time(entry.timestamp)}),
            h('td', {}, h('strong', {text: entry.type}), erasedMark(entry)),
            h('td', {text: entry.principal || ''}),
            h('td', {class: 'mono', title: entry.traceId || '', text: (entry.traceId || '').slice(0, 8)}),
            h('td', {class: 'payload'}, h('code', {text: json(entry.payload)})))), '', 6);
    } catch (e) {
        if (e instanceof SignInRequired) return showLogin(e.message);
        $('#timeline-summary').textContent = e.message;
        $('#timeline-more').hidden = true;
        fill($('#timeline-rows'), [], 'No events.', 6);
    }
}

// ---- live charts (uPlot, from the webjar) ----

function renderCharts(samples) {
    if (!window.uPlot || state.tab !== 'overview') return;
    const at = samples.map((sample) => Date.parse(sample.at) / 1000);
    const pick = (field) => samples.map((sample) => sample[field]);
    draw('throughput', [at, pick('eventsPerSecond'), pick('commandsPerSecond')], [
        {label: 'events appended/s', stroke: '#2b6cb0', width: 2},
        {label: 'commands/s (this node)', stroke: '#1f8a4c', width: 2},
    ]);
    draw('latency', [at, pick('commandMillis'), pick('commandMaxMillis'), pick('handlerMillis')], [
        {label: 'command mean ms', stroke: '#b7791f', width: 2},
        {label: 'command max ms', stroke: '#c53030', width: 1, dash: [4, 4]},
        {label: 'event handler mean ms', stroke: '#6b46c1', width: 2},
    ]);
}

function draw(name, data, series) {
    const container = document.getElementById(`${name}-chart`);
    const width = Math.max(260, container.clientWidth);
    let chart = state.charts[name];
    if (!chart) {
        chart = new uPlot({
            width, height: 180,
            series: [{}, ...series.map((s) => ({...s, spanGaps: false, value: (u, v) => v == null ? '–' : v.toFixed(1)}))],
            axes: [{}, {size: 50}],
            scales: {y: {range: (u, min, max) => [0, Math.max(1, max)]}},
            legend: {live: false},
        }, data, container);
        state.charts[name] = chart;
        new ResizeObserver(() => chart.setSize({width: Math.max(260, container.clientWidth), height: 180}))
            .observe(container);
    } else {
        chart.setData(data);
    }
}

// ---- wiring ----

document.addEventListener('DOMContentLoaded', () => {
    $('#login-form').addEventListener('submit', signIn);
    $('#sign-out').addEventListener('click', () => showLogin('Signed out.'));
    $('#event-filter').addEventListener('submit', searchEvents);
    $('#events-newest').addEventListener('click', () => loadEvents());
    $('#timeline-form').addEventListener('submit', (event) => {
        event.preventDefault();
        openTimeline($('#timeline-id').value.trim());
    });
    window.addEventListener('hashchange', () => showTab(location.hash.slice(1)));
    if (state.credentials) startConsole(null);
    else showLogin();
});
