import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths';

// An app renders, routes and caches; what two apps share lives in the core (ARCHITECTURE.md, The apps). Issue
// 16's review found `gazette watch --site` importing the site app's code (`await import('@gazette/site')`),
// a package the TUI did not even declare: the rebuild pacing moved to @gazette/core/node and the TUI runs the
// site's build as a child process. This holds every app to it, and every import of a Gazette package to a
// declared dependency.

const APPS_DIR = join(REPO_ROOT, 'apps');
/** The one door into another app: the API's HTTP client, how a face reads a remote Gazette (ARCHITECTURE.md). */
const ALLOWED_ACROSS = new Set(['@gazette/api/client']);
const SOURCE = /\.(ts|tsx|mts|mjs|js|astro)$/;
// `from '…'`, `import '…'`, `import('…')`, `require('…')` and `require.resolve('…')` / `.resolve('…')`.
const SPECIFIER =
  /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*|\.resolve\s*\(\s*)['"`](@gazette\/[^'"`/]+)(\/[^'"`]*)?['"`]/g;

interface App {
  dir: string;
  name: string;
  declared: Set<string>;
  declaredForTests: Set<string>;
}

function readApps(): App[] {
  return readdirSync(APPS_DIR).map((dir) => {
    const pkg = JSON.parse(readFileSync(join(APPS_DIR, dir, 'package.json'), 'utf8')) as {
      name: string;
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    const deps = Object.keys(pkg.dependencies ?? {});
    return {
      dir,
      name: pkg.name,
      declared: new Set(deps),
      declaredForTests: new Set([...deps, ...Object.keys(pkg.devDependencies ?? {})]),
    };
  });
}

/** What an app ships (src/) and its tooling (scripts/, bench/, its config files). */
function sourceFiles(appDir: string): string[] {
  const files = readdirSync(appDir, { withFileTypes: true })
    .filter((e) => e.isFile() && SOURCE.test(e.name))
    .map((e) => join(appDir, e.name));
  for (const sub of ['src', 'scripts', 'bench']) {
    if (!existsSync(join(appDir, sub))) continue;
    for (const e of readdirSync(join(appDir, sub), { withFileTypes: true, recursive: true }))
      if (e.isFile() && SOURCE.test(e.name)) files.push(join(e.parentPath, e.name));
  }
  return files;
}

/** Every Gazette package a file imports: [package, full specifier]. */
function gazetteImports(text: string): [string, string][] {
  return [...text.matchAll(SPECIFIER)].map((m) => [m[1]!, m[1]! + (m[2] ?? '')]);
}

const apps = readApps();
const appNames = new Set(apps.map((a) => a.name));
const isTest = (file: string) => /\.test\.tsx?$/.test(file);
/** Not shipped: tests, scripts, benches and config files may use devDependencies. */
const isShipped = (app: App, file: string) =>
  !isTest(file) && relative(join(APPS_DIR, app.dir), file).startsWith('src/');

describe('the apps import no other app', () => {
  it('finds imports of every form, static and dynamic', () => {
    const found = gazetteImports(
      `import { a } from '@gazette/core';\nconst s = await import('@gazette/site');\nrequire.resolve("@gazette/site/package.json");\nimport '@gazette/tui/x';`,
    );
    expect(found.map(([, spec]) => spec)).toEqual([
      '@gazette/core',
      '@gazette/site',
      '@gazette/site/package.json',
      '@gazette/tui/x',
    ]);
    // A name in a string that is no import (an npm workspace name) is not one.
    expect(gazetteImports(`const run = ['npm', 'run', '-w', '@gazette/site'];`)).toEqual([]);
    expect(apps.map((a) => a.name)).toEqual(
      expect.arrayContaining(['@gazette/api', '@gazette/site', '@gazette/tui']),
    );
  });

  // A test may start another app it declares (the TUI's remote tests run the API in-process).
  it('imports no other app’s code outside its tests (the API’s client aside), and declares each Gazette package it imports', () => {
    const wrong: string[] = [];
    for (const app of apps)
      for (const file of sourceFiles(join(APPS_DIR, app.dir))) {
        const where = relative(REPO_ROOT, file);
        for (const [pkg, spec] of gazetteImports(readFileSync(file, 'utf8'))) {
          if (pkg === app.name) continue;
          const declared = isShipped(app, file) ? app.declared : app.declaredForTests;
          if (!declared.has(pkg)) wrong.push(`${where}: ${spec} is not a declared dependency of ${app.name}`);
          if (appNames.has(pkg) && !isTest(file) && !ALLOWED_ACROSS.has(spec))
            wrong.push(`${where}: ${spec} is another app (shared logic goes in @gazette/core)`);
        }
      }
    expect(wrong).toEqual([]);
  });
});
