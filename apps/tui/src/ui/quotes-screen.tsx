import type { QuoteItem } from '@gazette/core/query';
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

function quotePages(source: GazetteSource): PageLoader<QuoteItem> {
  let cursor: string | undefined;
  return async (loaded) => {
    // From the start again (a refresh): the cursor of the last page read belongs to the old rows.
    if (loaded.length === 0) cursor = undefined;
    const r = await source.quotes({ limit: 100, ...(cursor ? { cursor } : {}) });
    cursor = r.nextCursor ?? undefined;
    return { items: r.items, ...(loaded.length === 0 ? { total: r.total } : {}), done: !r.nextCursor };
  };
}

/** Who said what, grouped by speaker; Enter lists the speaker's articles (or opens an unattributed quote's). */
export function QuotesScreen(): ReactNode {
  const api = useAppApi();
  const theme = useTheme();
  const [selected, setSelected] = usePersisted('quotes:selected', 0);
  const loader = useMemo(() => quotePages(api.source), [api.source]);
  const pages = usePages(loader, selected);
  // By speaker: the speakers in the order they first appear (newest first), each with their quotes.
  const items = useMemo(() => {
    const groups = new Map<string, QuoteItem[]>();
    for (const q of pages.items) {
      const k = q.speakerEntityId ?? q.speaker ?? '';
      groups.set(k, [...(groups.get(k) ?? []), q]);
    }
    const unattributed = groups.get('') ?? [];
    groups.delete('');
    return [...[...groups.values()].flat(), ...unattributed];
  }, [pages.items]);
  const height = Math.max(1, api.height - 2);

  useScreenKeys((input, key) => {
    if (key.return) {
      const q = items[selected];
      if (!q) return true;
      const who = q.speakerEntityId ?? q.speaker;
      if (who)
        api.push({
          kind: 'articles',
          filters: { entity: who },
          title: `Articles naming ${safeLine(q.speaker ?? who)}`,
        });
      else api.push({ kind: 'reader', id: q.articleId });
      return true;
    }
    if (input === 'r') {
      const q = items[selected];
      if (q) api.push({ kind: 'reader', id: q.articleId });
      return true;
    }
    // Functional: keys replayed from one chunk must not see a stale selection.
    if (moveSelection(input, key, 0, items.length, height) === undefined) return false;
    setSelected((old) => moveSelection(input, key, old, items.length, height) ?? old);
    return true;
  });

  const speakerWidth = 22;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text {...theme.heading}>Quotes</Text>
        <Text {...theme.dim}>
          {'  '}
          {pages.total.toLocaleString('en')} · by speaker · Enter their articles · r the quote's article
        </Text>
      </Text>
      <Text {...theme.bold}>
        {fit('Speaker', speakerWidth)} {fit('Quotation', Math.max(10, api.width - speakerWidth - 1))}
      </Text>
      {pages.error ? <Text {...theme.error}>{safeLine(pages.error)}</Text> : null}
      <VirtualList<QuoteItem>
        items={items}
        selected={selected}
        height={height}
        renderRow={(q, i, isSelected) => (
          <Text key={i} wrap="truncate-end" {...(isSelected ? theme.selected : {})}>
            <Text {...(isSelected ? {} : theme.speaker)}>
              {fit(q.speaker ? safeLine(q.speaker) : 'unattributed', speakerWidth)}
            </Text>{' '}
            <Text {...(isSelected ? {} : theme.quote)}>
              {fit(
                `“${safeLine(q.text)}” — ${safeLine(q.articleTitle)}`,
                Math.max(10, api.width - speakerWidth - 1),
              )}
            </Text>
          </Text>
        )}
        empty={
          pages.ready ? (
            <Text {...theme.dim}>No quotes yet: the articles have not been enriched with quotations.</Text>
          ) : (
            <Spinner label="Loading…" />
          )
        }
      />
    </Box>
  );
}
