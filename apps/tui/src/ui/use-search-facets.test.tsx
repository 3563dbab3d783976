import type { FacetsParams } from '@gazette/core/query';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GazetteSource } from '../source/gazette-source';
import { FACETS_PAUSE_MS, useSearchFacets } from './use-search-facets';

afterEach(() => {
  vi.useRealTimers();
});

/** Shows the facets of `q` and whether they are those of `q`. */
function Probe({ source, q }: { source: GazetteSource; q: string | undefined }) {
  const f = useSearchFacets(source, q === undefined ? undefined : { q, filters: {} }, ['source'], 8, 0);
  return (
    <Text>{`${f.current ? 'current' : 'stale'} ${(f.facets.source ?? []).map((v) => v.value).join(',')}`}</Text>
  );
}

describe('the facets of a search', () => {
  it('are counted once the query stops changing for the pause, for the last query only', async () => {
    vi.useFakeTimers();
    const asked: string[] = [];
    const source = {
      facets: async (p?: FacetsParams) => {
        asked.push(p?.q ?? '');
        return { source: [{ value: `of ${p?.q}`, count: 1 }] };
      },
    } as unknown as GazetteSource;
    const ui = render(<Probe source={source} q="e*" />);
    try {
      // A key every 2/3 of the pause: no count yet.
      for (const q of ['el*', 'ele*', 'elec*']) {
        await vi.advanceTimersByTimeAsync((FACETS_PAUSE_MS * 2) / 3);
        ui.rerender(<Probe source={source} q={q} />);
      }
      expect(asked).toEqual([]);
      expect(ui.lastFrame()).toContain('stale');
      await vi.advanceTimersByTimeAsync(FACETS_PAUSE_MS);
      expect(asked).toEqual(['elec*']);
      // The answer's render runs on React's scheduler, on (fake) timers too.
      await vi.advanceTimersByTimeAsync(50);
      expect(ui.lastFrame()).toContain('current of elec*');
      // Facets already shown stay (dimmed by the panel) while the next query waits for its pause.
      ui.rerender(<Probe source={source} q="elect*" />);
      expect(ui.lastFrame()).toContain('stale of elec*');
      ui.rerender(<Probe source={source} q={undefined} />);
      await vi.advanceTimersByTimeAsync(FACETS_PAUSE_MS * 2);
      expect(asked).toEqual(['elec*']);
    } finally {
      ui.unmount();
    }
  });
});
