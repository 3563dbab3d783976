import {
  type ArticleFilters,
  type FacetName,
  type Facets,
  prefixLastWord,
  type SearchHit,
} from '@gazette/core/query';
import { Box, Text } from 'ink';
import { type ReactNode, useMemo, useState } from 'react';
import { SEARCH_FACETS, searchPages } from '../source/search-pages';
import { highlightQuery, snippetRow } from '../text/highlight';
import { safeLine } from '../text/safe-text';
import { span } from '../text/spans';
import { fit, truncate } from '../text/wrap-spans';
import { useAppApi, usePersisted, useScreenKeys } from './app-context';
import { Spinner } from './spinner';
import { StyledLine, useTheme } from './theme';
import { usePages } from './use-pages';
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

const FACET_LABEL: Partial<Record<FacetName, string>> = {
  person: 'People',
  place: 'Places',
  organization: 'Organisations',
  source: 'Sources',
};

const FACET_WIDTH = 30;

/** `/`: search as you type, with a result count, facets to filter by, and the matches highlighted. */
export function SearchScreen(): ReactNode {
  const api = useAppApi();
  const theme = useTheme();
  // Kept by the app, so the query is still there when you come back.
  const [q, setQ] = usePersisted('search:q', '');
  const [picks, setPicks] = usePersisted<FacetPick[]>('search:picks', []);
  const [selected, setSelected] = usePersisted('search:selected', 0);
  const [focus, setFocus] = usePersisted<Focus>('search:focus', 'input');
  const [facetIndex, setFacetIndex] = useState(0);
  const [facets, setFacets] = useState<Facets>({});
  const [partial, setPartial] = useState(false);

  const filters = useMemo(() => filtersFor(picks), [picks]);
  const loader = useMemo(
    () =>
      q.trim() || picks.length
        ? // The word being typed matches as a prefix (`mac` finds Macron): the core's rule.
          searchPages(api.source, prefixLastWord(q), filters, (f, p) => {
            setFacets(f);
            setPartial(p);
          })
        : undefined,
    [api.source, q, filters, picks.length],
  );
  const pages = usePages(loader, selected, {
    generation: api.generation,
    idOf: (hit) => hit.id,
    reselect: setSelected,
  });

  const facetRows = useMemo(
    () =>
      SEARCH_FACETS.flatMap((f) =>
        (facets[f] ?? []).slice(0, 8).map((v) => ({ facet: f, value: v.value, count: v.count })),
      ),
    [facets],
  );
  const showFacets = api.width >= 90 || focus === 'facets';
  const resultsWidth = showFacets && api.width >= 90 ? api.width - FACET_WIDTH - 1 : api.width;
  const listHeight = Math.max(1, api.height - 3);
  const rowsPerHit = 2;

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
        setQ((old) => old.slice(0, -1));
        setSelected(0);
        return true;
      }
      if (key.ctrl && input === 'u') {
        setQ('');
        setSelected(0);
        return true;
      }
      if (input && !key.ctrl && !key.meta && !key.escape && !key.upArrow) {
        setQ((old) => old + safeLine(input));
        setSelected(0);
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
        const hit = pages.items[selected];
        if (hit) api.push({ kind: 'reader', id: hit.id });
        return true;
      }
      if ((key.upArrow || input === 'k') && selected === 0) {
        setFocus('input');
        return true;
      }
      const page = Math.floor(listHeight / rowsPerHit);
      if (moveSelection(input, key, 0, pages.count, page) === undefined) return false;
      setSelected((old) => moveSelection(input, key, old, pages.count, page) ?? old);
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
      ? `${pages.total.toLocaleString('en')}${partial ? ' or more' : ''} result${pages.total === 1 ? '' : 's'}${partial ? ' (the search reached its work budget: narrow it)' : ''}`
      : 'searching…';
  const results = (
    <Box flexDirection="column" width={resultsWidth}>
      <VirtualList<SearchHit>
        items={pages.items}
        count={pages.count}
        selected={focus === 'results' ? selected : -1}
        height={Math.floor(listHeight / rowsPerHit)}
        renderRow={(hit, index, isSelected) => (
          <Box key={index} flexDirection="column">
            <StyledLine
              line={[
                span(isSelected ? '› ' : '  ', 'dim'),
                ...highlightQuery(truncate(hit.title, resultsWidth - 2), prefixLastWord(q)),
              ]}
              selected={isSelected}
            />
            <StyledLine
              line={[
                span('  '),
                ...(hit.snippets[0] ? snippetRow(hit.snippets[0], resultsWidth - 2) : [span('', 'dim')]),
              ]}
            />
          </Box>
        )}
        empty={<Text {...theme.dim}>{loader && pages.ready ? 'Nothing matches.' : ' '}</Text>}
      />
    </Box>
  );
  const facetPanel = (
    <Box flexDirection="column" width={api.width >= 90 ? FACET_WIDTH : api.width} paddingLeft={1}>
      {facetRows.length === 0 ? <Text {...theme.dim}>No facets for this query.</Text> : null}
      {facetRows.slice(0, Math.max(1, listHeight - SEARCH_FACETS.length)).map((row, i) => {
        const on = picks.some((p) => p.facet === row.facet && p.value === row.value);
        const header = i === 0 || facetRows[i - 1]!.facet !== row.facet;
        const label = `${on ? '[x]' : '[ ]'} ${fit(safeLine(row.value), (api.width >= 90 ? FACET_WIDTH : api.width) - 14)} ${String(row.count).padStart(5)}`;
        return (
          <Box key={`${row.facet}:${row.value}`} flexDirection="column">
            {header ? <Text {...theme.bold}>{FACET_LABEL[row.facet] ?? row.facet}</Text> : null}
            <Text wrap="truncate-end" {...(focus === 'facets' && i === facetIndex ? theme.selected : {})}>
              {label}
            </Text>
          </Box>
        );
      })}
    </Box>
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
