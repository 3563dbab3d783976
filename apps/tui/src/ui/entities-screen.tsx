import type { EntitySummary } from '@gazette/core/query';
import { Box, Text } from 'ink';
import { type ReactNode, useMemo } from 'react';
import type { PageLoader } from '../source/article-pages';
import type { GazetteSource } from '../source/gazette-source';
import { safeLine } from '../text/safe-text';
import { fit } from '../text/wrap-spans';
import { useAppApi, usePersisted, useScreenKeys } from './app-context';
import { Spinner } from './spinner';
import { useTheme } from './theme';
import { usePages } from './use-pages';
import { moveSelection, VirtualList } from './virtual-list';

const TYPES = [undefined, 'person', 'organization', 'place'] as const;
const TYPE_LABEL = { person: 'People', organization: 'Organisations', place: 'Places' } as const;
type EntityTypeFilter = (typeof TYPES)[number];

function entityPages(source: GazetteSource, type: EntityTypeFilter): PageLoader<EntitySummary> {
  let cursor: string | undefined;
  return async (loaded) => {
    // From the start again (a refresh): the cursor of the last page read belongs to the old rows.
    if (loaded.length === 0) cursor = undefined;
    const r = await source.entities({
      sort: 'mentions',
      limit: 100,
      ...(type ? { type } : {}),
      ...(cursor ? { cursor } : {}),
    });
    cursor = r.nextCursor ?? undefined;
    return { items: r.items, ...(loaded.length === 0 ? { total: r.total } : {}), done: !r.nextCursor };
  };
}

/** People, organisations and places by mentions; Enter lists the articles that name one. */
export function EntitiesScreen(): ReactNode {
  const api = useAppApi();
  const theme = useTheme();
  const [typeIndex, setTypeIndex] = usePersisted('entities:type', 0);
  const [selected, setSelected] = usePersisted('entities:selected', 0);
  const type = TYPES[typeIndex % TYPES.length];
  const loader = useMemo(() => entityPages(api.source, type), [api.source, type]);
  const pages = usePages(loader, selected);
  const height = Math.max(1, api.height - 2);

  useScreenKeys((input, key) => {
    if (key.tab || key.rightArrow || key.leftArrow) {
      const step = key.leftArrow || key.shift ? TYPES.length - 1 : 1;
      setTypeIndex((typeIndex + step) % TYPES.length);
      setSelected(0);
      return true;
    }
    if (key.return) {
      const e = pages.items[selected];
      if (e)
        api.push({
          kind: 'articles',
          filters: { entity: e.id },
          title: `Articles naming ${safeLine(e.name)}`,
        });
      return true;
    }
    // Functional: keys replayed from one chunk must not see a stale selection.
    if (moveSelection(input, key, 0, pages.count, height) === undefined) return false;
    setSelected((old) => moveSelection(input, key, old, pages.count, height) ?? old);
    return true;
  });

  const nameWidth = Math.max(10, api.width - 34);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text {...theme.heading}>Entities </Text>
        {TYPES.map((t, i) => (
          <Text key={t ?? 'all'} {...(i === typeIndex % TYPES.length ? theme.selected : theme.dim)}>
            {` ${t ? TYPE_LABEL[t] : 'All'} `}
          </Text>
        ))}
        <Text {...theme.dim}>
          {'  '}
          {pages.total.toLocaleString('en')} · Tab type · Enter articles
        </Text>
      </Text>
      <Text {...theme.bold}>
        {fit('Name', nameWidth)} {fit('Type', 12)} {fit('Mentions', 9, 'right')} {fit('Articles', 9, 'right')}
      </Text>
      {pages.error ? <Text {...theme.error}>{safeLine(pages.error)}</Text> : null}
      <VirtualList<EntitySummary>
        items={pages.items}
        count={pages.count}
        selected={selected}
        height={height}
        renderRow={(e, i, isSelected) => (
          <Text key={i} wrap="truncate-end" {...(isSelected ? theme.selected : {})}>
            {fit(safeLine(e.name), nameWidth)} {fit(e.type, 12)}{' '}
            {fit(e.mentionCount.toLocaleString('en'), 9, 'right')}{' '}
            {fit(e.articleCount.toLocaleString('en'), 9, 'right')}
          </Text>
        )}
        empty={
          pages.ready ? (
            <Text {...theme.dim}>No entities yet: the articles have not been enriched with names.</Text>
          ) : (
            <Spinner label="Loading…" />
          )
        }
      />
    </Box>
  );
}
