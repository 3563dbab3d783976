import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseText } from '@gazette/core';
import { type BuildInto, openSqliteStore } from '@gazette/core/node';

// For the tests of the site's rebuilds: a store that gains articles, and a build fast enough to run often.

/** Adds story `n` to the store at `db`. */
export function ingestStory(db: string, n: number): void {
  const store = openSqliteStore(db);
  try {
    store.put(
      parseText(`Story ${n} about the harbour and the quay, told in full, number ${n}.`, {
        title: `Story ${n}`,
        url: `https://example.com/${n}`,
      }),
    );
  } finally {
    store.close();
  }
}

/** A build that writes how many articles the store had, as the site's build would show them. */
export const countingBuild: BuildInto = async ({ db, out }) => {
  const store = openSqliteStore(db, { readOnly: true });
  writeFileSync(join(out, 'index.html'), `${store.count()} articles`);
  store.close();
};
