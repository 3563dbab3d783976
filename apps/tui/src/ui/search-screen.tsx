import { type ArticleFilters, type FacetName, prefixLastWord, type SearchHit } from '@gazette/core/query';
import { Box, Text } from 'ink';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import { SEARCH_FACET_VALUES, SEARCH_FACETS, type SearchLoader, searchPages } from '../source/search-pages';
import { safeLine } from '../text/safe-text';
import { useAppApi, usePersisted, useScreenKeys } from './app-context';
import { FacetPanel } from './facet-panel';
import { SearchRow } from './search-row';
import { Spinner } from './spinner';
import { useTheme } from './theme';
import { type Pages, usePages } from './use-pages';
import { useSearchFacets } from './use-search-facets';
import { useTypedSearch } from './use-typed-search';
import { moveSelection, VirtualList } from './virtual-list';

type Focus = 'input' | 'results' | 'facets';

/** A facet value picked as a filter: people, places and organisations filter by entity, sources by source. */
export interface FacetPick {
  facet: FacetName;
  value: string;
}

export function filtersFor(picks: readonly FacetPick[]): ArticleFilters {
  const filters: ArticleFilters = {};
  for (const p of picks) {
    if (p.facet === 'source') filters.source = p.value;
    else filters.entity = p.value;
  }
  return filters;
}

/** Picking a value toggles it; an entity replaces another entity (the filters take one), a source another source. */
export function togglePick(picks: readonly FacetPick[], pick: FacetPick): FacetPick[] {
  if (picks.some((p) => p.facet === pick.facet && p.value === pick.value))
    return picks.filter((p) => !(p.facet === pick.facet && p.value === pick.value));
  const slot = (f: FacetName) => (f === 'source' ? 'source' : 'entity');
  return [...picks.filter((p) => slot(p.facet) !== slot(pick.facet)), pick];
}

const FACET_WIDTH = 30;

/**
 * `/`: search as you type, with a result count, facets to filter by, and the matches highlighted. A
 * keystroke asks the core for about a screenful of hits and nothing else; the rows of the last answer stay
 * on screen until the new ones come, and the facets are counted once typing pauses (useSearchFacets).
 */
export function SearchScreen(): ReactNode {
  const api = useAppApi();
  const theme = useTheme();
  // Kept by the app, so the query is still there when you come back.
  const [q, setQ] = usePersisted('search:q', '');
  const [picks, setPicks] = usePersisted<FacetPick[]>('search:picks', []);
  const [selected, setSelected] = usePersisted('search:selected', 0);
  const [focus, setFocus] = usePersisted<Focus>('search:focus', 'input');
  const [facetIndex, setFacetIndex] = useState(0);

  const listHeight = Math.max(1, api.height - 3);
  const rowsPerHit = 2;
  const visible = Math.floor(listHeight / rowsPerHit);
  // A page is a screenful and a few more: every page of a query has the same size (its cursor says so).
  const pageSize = Math.min(50, visible + 5);
  const filters = useMemo(() => filtersFor(picks), [picks]);
  // The word being typed matches as a prefix (`mac` finds Macron): the core's rule.
  const queryOf = (text: string) =>
    text.trim() || picks.length ? { q: prefixLastWord(text), filters } : undefined;
  const loaderFor = (text: string) => {
    const query = queryOf(text);
    return query ? searchPages(api.source, query.q, query.filters, pageSize) : undefined;
  };
  const typing = useTypedSearch(
    q,
    (text) => {
      setQ(text);
      setSelected(0);
    },
    loaderFor,
    [api.source, filters, pageSize],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: queryOf reads q, picks and filters
  const query = useMemo(() => queryOf(q), [q, filters, picks.length]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: loaderOf reads the source, filters and page size
  const loader = useMemo(() => typing.loaderOf(q), [q, api.source, filters, picks.length, pageSize]);
  const pages = usePages(
    loader,
    selected,
    { generation: api.generation, idOf: (hit) => hit.id, reselect: setSelected },
    visible,
  );
  const shown = useLastAnswer(loader, pages);
  const facets = useSearchFacets(api.source, query, SEARCH_FACETS, SEARCH_FACET_VALUES, api.generation);

  const facetRows = useMemo(
    () =>
      SEARCH_FACETS.flatMap((f) =>
        (facets.facets[f] ?? []).map((v) => ({ facet: f, value: v.value, count: v.count })),
      ),
    [facets.facets],
  );
  const showFacets = api.width >= 90 || focus === 'facets';
  const resultsWidth = showFacets && api.width >= 90 ? api.width - FACET_WIDTH - 1 : api.width;

  useScreenKeys((input, key) => {
    if (key.tab) {
      const order: Focus[] = ['input', 'results', 'facets'];
      setFocus(order[(order.indexOf(focus) + (key.shift ? 2 : 1)) % 3]!);
      return true;
    }
    if (focus === 'input') {
      if (key.return || key.downArrow) {
        setFocus('results');
        return true;
      }
      if (key.backspace || key.delete) {
        typing.type((old) => old.slice(0, -1));
        return true;
      }
      if (key.ctrl && input === 'u') {
        typing.type(() => '');
        return true;
      }
      if (input && !key.ctrl && !key.meta && !key.escape && !key.upArrow) {
        typing.type((old) => old + safeLine(input));
        return true;
      }
      return key.upArrow;
    }
    if (input === '/') {
      setFocus('input');
      return true;
    }
    if (focus === 'results') {
      if (key.return) {
        // The row on screen (the last answer's, if the newest query is still running).
        const hit = shown.items[selected];
        if (hit) api.push({ kind: 'reader', id: hit.id });
        return true;
      }
      if ((key.upArrow || input === 'k') && selected === 0) {
        setFocus('input');
        return true;
      }
      if (moveSelection(input, key, 0, shown.count, visible) === undefined) return false;
      setSelected((old) => moveSelection(input, key, old, shown.count, visible) ?? old);
      return true;
    }
    // Facets.
    if (key.return || input === ' ') {
      const row = facetRows[facetIndex];
      if (row) {
        setPicks(togglePick(picks, row));
        setSelected(0);
      }
      return true;
    }
    // Functional: keys replayed from one chunk must not see a stale selection.
    if (moveSelection(input, key, 0, facetRows.length, listHeight) === undefined) return false;
    setFacetIndex((old) => moveSelection(input, key, old, facetRows.length, listHeight) ?? old);
    return true;
  });

  const count = !loader
    ? 'type to search; Tab moves between the query, the results and the facets'
    : pages.ready
      ? resultCount(pages.total, loader.partial)
      : 'searching…';
  const results = (
    <Box flexDirection="column" width={resultsWidth}>
      <VirtualList<SearchHit>
        items={shown.items}
        count={shown.count}
        selected={focus === 'results' ? selected : -1}
        height={visible}
        renderRow={(hit, index, isSelected) => (
          <SearchRow key={index} hit={hit} q={shown.q} width={resultsWidth} selected={isSelected} />
        )}
        empty={<Text {...theme.dim}>{loader && pages.ready ? 'Nothing matches.' : ' '}</Text>}
      />
    </Box>
  );
  const facetPanel = (
    <FacetPanel
      rows={facetRows}
      picks={picks}
      cursor={focus === 'facets' ? facetIndex : -1}
      width={api.width >= 90 ? FACET_WIDTH : api.width}
      height={listHeight - SEARCH_FACETS.length}
      stale={!facets.current}
      error={facets.error}
    />
  );

  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text {...theme.heading}>/ </Text>
        <Text>{q}</Text>
        {focus === 'input' ? <Text inverse> </Text> : null}
      </Text>
      <Text wrap="truncate-end">
        <Text {...theme.dim}>{count}</Text>
        {picks.length ? (
          <Text {...theme.bold}>
            {'  filters: '}
            {picks.map((p) => `${p.facet}: ${safeLine(p.value)}`).join(', ')}
          </Text>
        ) : null}
        {pages.loading ? (
          <Text>
            {'  '}
            <Spinner />
          </Text>
        ) : null}
      </Text>
      {pages.error ? <Text {...theme.error}>{safeLine(pages.error)}</Text> : <Text> </Text>}
      <Box flexDirection="row">
        {focus === 'facets' && api.width < 90 ? null : results}
        {showFacets ? facetPanel : null}
      </Box>
    </Box>
  );
}

function resultCount(total: number, partial: boolean): string {
  const n = `${total.toLocaleString('en')}${partial ? ' or more' : ''} result${total === 1 ? '' : 's'}`;
  return partial ? `${n} (the search reached its work budget: narrow it)` : n;
}

/**
 * The rows to show: those of `loader` once its first page is in, else those of the last loader that
 * answered (until the new query's rows come, the old ones stay rather than a blank list), with the query
 * they were found by. No loader (no query): nothing.
 */
function useLastAnswer(
  loader: SearchLoader | undefined,
  pages: Pages<SearchHit>,
): { items: readonly SearchHit[]; count: number; q: string } {
  const last = useRef<{ items: readonly SearchHit[]; count: number; q: string }>(NOTHING);
  if (!loader) last.current = NOTHING;
  else if (pages.ready) last.current = { items: pages.items, count: pages.count, q: loader.q };
  return last.current;
}

const NOTHING = { items: [], count: 0, q: '' };
