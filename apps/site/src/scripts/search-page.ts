// The search page: results as you type, over the split index, ranked by the core in the browser.
// Article text only ever goes into text nodes (textContent / createTextNode), never into HTML.
import {
  type ArticleFilters,
  CANDIDATES_PER_STEP,
  type FacetName,
  loadShardedCorpus,
  PARTIAL_SEARCH_NOTE,
  prefixLastWord,
  type SearchHit,
  type Snippet,
} from '@gazette/core/query';

const FACETS: FacetName[] = ['section', 'tag', 'source', 'person', 'organization', 'place'];
const FACET_LABEL: Record<string, string> = {
  section: 'Section',
  tag: 'Tag',
  source: 'Source',
  person: 'People',
  organization: 'Organisations',
  place: 'Places',
};
// Which filter of the core a facet value sets.
const FACET_FILTER: Record<string, keyof ArticleFilters> = {
  section: 'section',
  tag: 'tag',
  source: 'source',
  person: 'entity',
  organization: 'entity',
  place: 'entity',
};
const PAGE = 20;

const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = document.querySelector<HTMLInputElement>('#q')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const results = document.querySelector<HTMLOListElement>('#results')!;
const facetsBox = document.querySelector<HTMLElement>('#facets')!;
const more = document.querySelector<HTMLButtonElement>('#more')!;

// The core's own index and search: this page only fetches the files the core asks for.
const engine = loadShardedCorpus(async (path) => {
  const res = await fetch(`/search/${path}`);
  if (!res.ok) throw new Error(`/search/${path}: HTTP ${res.status}`);
  return res.json();
});

interface State {
  q: string;
  filters: ArticleFilters;
  shown: number;
  /** While typing, the last word is read as a prefix (the core's rule for search as you type). */
  typing?: boolean;
}
let state: State = readUrl();
let run = 0;

function readUrl(): State {
  const p = new URLSearchParams(location.search);
  const filters: ArticleFilters = {};
  for (const key of ['section', 'tag', 'source', 'entity'] as const) {
    const v = p.get(key);
    if (v) filters[key] = v;
  }
  return { q: p.get('q') ?? '', filters, shown: PAGE };
}

function writeUrl(s: State, replace: boolean) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const [k, v] of Object.entries(s.filters)) if (v) p.set(k, v);
  const url = `${location.pathname}${p.size ? `?${p}` : ''}`;
  if (url === `${location.pathname}${location.search}`) return;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  cls?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The snippet's text with its highlights as <mark>, built from offsets into text nodes. */
function renderSnippet(s: Snippet): HTMLElement {
  const p = el('p', 'snippet');
  let at = 0;
  const marks = [...s.highlights].sort((a, b) => a.start - b.start);
  for (const h of marks) {
    const start = Math.max(at, Math.min(h.start, s.text.length));
    const end = Math.max(start, Math.min(h.end, s.text.length));
    if (start > at) p.append(document.createTextNode(s.text.slice(at, start)));
    if (end > start) p.append(el('mark', undefined, s.text.slice(start, end)));
    at = end;
  }
  if (at < s.text.length) p.append(document.createTextNode(s.text.slice(at)));
  return p;
}

function renderHit(hit: SearchHit): HTMLLIElement {
  const li = el('li');
  const h = el('h3');
  const a = el('a', undefined, hit.title);
  a.href = `/articles/${encodeURIComponent(hit.slug)}/`;
  h.append(a);
  li.append(h);
  for (const s of hit.snippets.slice(0, 2)) li.append(renderSnippet(s));
  return li;
}

function renderFacets(
  facets: Partial<Record<string, Array<{ value: string; count: number }>>>,
  note?: string,
) {
  facetsBox.replaceChildren();
  if (note) facetsBox.append(el('p', 'small', note));
  for (const name of FACETS) {
    const values = facets[name] ?? [];
    if (!values.length) continue;
    const filterKey = FACET_FILTER[name]!;
    facetsBox.append(el('h3', undefined, FACET_LABEL[name]));
    const ul = el('ul');
    for (const { value, count } of values) {
      const li = el('li');
      const b = el('button');
      b.type = 'button';
      const active = state.filters[filterKey] === value;
      b.setAttribute('aria-pressed', String(active));
      b.append(document.createTextNode(`${value} `), el('span', 'count', `(${count})`));
      b.addEventListener('click', () => {
        const filters = { ...state.filters };
        if (active) delete filters[filterKey];
        else filters[filterKey] = value;
        state = { ...state, filters, shown: PAGE };
        writeUrl(state, false);
        void search();
      });
      li.append(b);
      ul.append(li);
    }
    facetsBox.append(ul);
  }
}

async function search() {
  const mine = ++run;
  const q = state.q.trim();
  const hasFilters = Object.keys(state.filters).length > 0;
  if (!q && !hasFilters) {
    results.replaceChildren();
    facetsBox.replaceChildren();
    more.hidden = true;
    status.textContent = 'Type to search. Words, "exact phrases", OR, -word and field:value all work.';
    return;
  }
  status.textContent = 'Searching…';
  try {
    const want = Math.ceil(state.shown / CANDIDATES_PER_STEP) * CANDIDATES_PER_STEP;
    const { result, candidates, loaded } = await engine.search(
      {
        q: state.typing ? prefixLastWord(q) : q,
        filters: state.filters,
        limit: Math.min(100, state.shown),
        facets: FACETS,
      },
      want,
    );
    if (mine !== run) return;
    results.replaceChildren(...result.hits.map(renderHit));
    const partial = candidates > loaded;
    renderFacets(result.facets, partial ? `Counts among the ${loaded} best candidates.` : undefined);
    more.hidden = !(partial || result.nextCursor) || state.shown >= 100;
    status.textContent =
      result.total === 0
        ? 'No articles match.'
        : partial
          ? `Best ${result.hits.length} results among ${loaded} of ${candidates} candidate articles.`
          : `${result.total} article${result.total === 1 ? ' matches' : 's match'}.`;
    if (result.partial) status.textContent += ` ${PARTIAL_SEARCH_NOTE}`;
  } catch (e) {
    if (mine !== run) return;
    results.replaceChildren();
    status.textContent = `Search failed: ${(e as Error).message}`;
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;
input.value = state.q;
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    state = { ...state, q: input.value, shown: PAGE, typing: true };
    writeUrl(state, true);
    void search();
  }, 120);
});
form.addEventListener('submit', (e) => {
  e.preventDefault();
  clearTimeout(timer);
  state = { ...state, q: input.value, shown: PAGE, typing: false };
  writeUrl(state, false);
  void search();
});
more.addEventListener('click', () => {
  state = { ...state, shown: state.shown + PAGE };
  void search();
});
window.addEventListener('popstate', () => {
  state = readUrl();
  input.value = state.q;
  void search();
});
void search();
