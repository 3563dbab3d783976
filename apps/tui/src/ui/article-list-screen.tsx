import type { ArticleFilters, ArticleSummary } from '@gazette/core/query';
import { Box, Text } from 'ink';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { articlePages } from '../source/article-pages';
import { safeLine } from '../text/safe-text';
import { useAppApi, usePersisted, useScreenKeys } from './app-context';
import { formatHeader, formatRow, layoutColumns } from './columns';
import { Spinner } from './spinner';
import { useTheme } from './theme';
import { usePages } from './use-pages';
import { moveSelection, VirtualList } from './virtual-list';

/** A row marked as matching an alert: its title starts with "!" (and it is coloured, where colour is on). */
function alertMarked(item: ArticleSummary): ArticleSummary {
  return { ...item, title: `! ${item.title}` };
}

/** Articles in date order (all, or those of an entity), with the columns of the list schema. */
export function ArticleListScreen(props: {
  screenKey: number;
  filters?: ArticleFilters | undefined;
  title?: string | undefined;
}): ReactNode {
  const api = useAppApi();
  const theme = useTheme();
  const [sort, setSort] = usePersisted<'newest' | 'oldest'>(`${props.screenKey}:sort`, 'newest');
  const [selected, setSelected] = usePersisted(`${props.screenKey}:selected`, 0);
  const loader = useMemo(
    () => articlePages(api.source, sort, props.filters),
    [api.source, sort, props.filters],
  );
  // The article selected, kept with the screen: back from the reader, the selection finds it again.
  const anchorKey = `${props.screenKey}:selectedId`;
  const [anchor] = useState(() => api.store.get(anchorKey) as string | undefined);
  const pages = usePages(loader, selected, {
    generation: api.generation,
    idOf: (a) => a.id,
    reselect: setSelected,
    anchor,
  });
  useEffect(() => {
    const id = pages.at(selected)?.id;
    if (id) api.store.set(anchorKey, id);
  });
  const height = Math.max(1, api.height - 2);
  const widths = layoutColumns(api.width);

  useScreenKeys((input, key) => {
    if (input === 's') {
      setSort(sort === 'newest' ? 'oldest' : 'newest');
      setSelected(0);
      return true;
    }
    if (key.return) {
      const item = pages.at(selected);
      if (item) api.push({ kind: 'reader', id: item.id });
      return true;
    }
    // Functional: keys replayed from one chunk must not see a stale selection.
    if (moveSelection(input, key, 0, pages.count, height) === undefined) return false;
    setSelected((old) => moveSelection(input, key, old, pages.count, height) ?? old);
    return true;
  });

  const shown = Math.min(selected + 1, pages.count);
  return (
    <Box flexDirection="column">
      <Text>
        <Text {...theme.heading}>{props.title ?? 'Articles'}</Text>
        <Text {...theme.dim}>
          {'  '}
          {pages.total.toLocaleString('en')} · {sort} first (s) · {shown.toLocaleString('en')}/
          {pages.total.toLocaleString('en')}
        </Text>
      </Text>
      <Text {...theme.bold}>{formatHeader(widths)}</Text>
      {pages.error ? <Text {...theme.error}>{safeLine(pages.error)}</Text> : null}
      <VirtualList<ArticleSummary>
        items={pages.items}
        count={pages.count}
        at={pages.at}
        selected={selected}
        height={height}
        renderRow={(item, index, isSelected) => (
          <Text
            key={index}
            wrap="truncate-end"
            {...(isSelected ? theme.selected : api.alerted.has(item.id) ? theme.match : {})}
          >
            {formatRow(api.alerted.has(item.id) ? alertMarked(item) : item, widths)}
          </Text>
        )}
        pending={(index, isSelected) => (
          <Text key={index} {...(isSelected ? theme.selected : theme.dim)}>
            …
          </Text>
        )}
        empty={pages.ready ? <Text {...theme.dim}>No articles.</Text> : <Spinner label="Loading…" />}
      />
    </Box>
  );
}
