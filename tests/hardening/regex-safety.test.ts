import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths';

interface FoundRegex {
  where: string;
  source: string;
  flags: string;
}

const SOURCE_ROOTS = ['packages', 'apps'];
const SKIP_DIRS = new Set(['node_modules', 'dist', '.astro', '.wrangler', '.turbo', 'generated']);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (SKIP_DIRS.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mts)$/.test(name) && !/\.d\.ts$/.test(name) && !/\.test\.tsx?$/.test(name))
      out.push(path);
  }
  return out;
}

/** Every regex literal, and every `new RegExp('literal', 'flags')`, in the product's source. */
function findRegexes(file: string): FoundRegex[] {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: FoundRegex[] = [];
  const where = (node: ts.Node) =>
    `${relative(REPO_ROOT, file)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isRegularExpressionLiteral(node)) {
      const m = /^\/(.*)\/([a-z]*)$/s.exec(node.text)!;
      found.push({ where: where(node), source: m[1]!, flags: m[2]! });
    } else if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'RegExp'
    ) {
      const [pattern, flags] = node.arguments ?? [];
      if (pattern && ts.isStringLiteralLike(pattern)) {
        found.push({
          where: where(node),
          source: pattern.text,
          flags: flags && ts.isStringLiteralLike(flags) ? flags.text : '',
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** How long the regex takes over an attack string, as the product runs it (a replace over the whole input). */
function attackMs(r: { source: string; flags: string }, input: string): number {
  const re = new RegExp(r.source, r.flags.replace(/[^dgimsuyv]/g, ''));
  const started = performance.now();
  input.replace(re, '');
  return performance.now() - started;
}

const regexes = SOURCE_ROOTS.flatMap((root) => sourceFiles(join(REPO_ROOT, root))).flatMap(findRegexes);

// Gazette runs its regexes over text from the open web: each must match in time linear (or close) in the input.
describe('every regex in the product resists super-linear backtracking (ReDoS)', () => {
  it('finds the regexes to check', () => {
    expect(regexes.length).toBeGreaterThan(50);
  });

  it.each(regexes.map((r) => [r.where, r] as const))('%s', (_where, r) => {
    const result = checkSync(r.source, r.flags.replace(/[^dgimsuyv]/g, ''), { timeout: 10_000 });
    if (result.status === 'vulnerable') {
      const attack = result.attack.pattern;
      // The automaton checker proves its verdict. The fuzz checker (for lookarounds) searches under a time
      // limit and, on a loaded machine, has flagged a linear pattern; its attack string is sized to take
      // seconds on a truly super-linear one, so a verdict it cannot show in 250 ms is not a finding.
      const ms = result.checker === 'fuzz' ? attackMs(r, result.attack.string) : Number.POSITIVE_INFINITY;
      if (ms > 250)
        expect.fail(
          `/${r.source}/${r.flags} is ${result.complexity.type} (attack: ${attack}, ${Math.round(ms)} ms)`,
        );
      return;
    }
    expect(result.status === 'safe' || result.status === 'unknown').toBe(true);
  });
});

// The analysis above proves safety; this shows it: each regex against long adversarial inputs finishes fast.
const ADVERSARIAL = [
  ' '.repeat(50_000),
  `${' \t'.repeat(25_000)}\u0000`,
  `${'a'.repeat(50_000)}!`,
  '<a'.repeat(25_000),
  `${'"'.repeat(25_000)}x`,
  `${'!.,'.repeat(16_000)}\u0000`,
  `${'ab '.repeat(16_000)}\n`,
  `${'#'.repeat(25_000)}\n${' '.repeat(25_000)}`,
];

describe('every regex in the product finishes fast on long adversarial inputs', () => {
  it('runs each regex over 50,000-character attack strings in under 250 ms each', () => {
    const slow: string[] = [];
    for (const r of regexes) {
      let re: RegExp;
      try {
        re = new RegExp(r.source, r.flags.replace(/[^dgimsuyv]/g, ''));
      } catch {
        continue; // a pattern that only compiles in context (none today); the analysis still covers it
      }
      for (const input of ADVERSARIAL) {
        const started = performance.now();
        re.lastIndex = 0;
        input.replace(re, '');
        const ms = performance.now() - started;
        if (ms > 250)
          slow.push(
            `${r.where} /${r.source}/ took ${ms.toFixed(0)} ms on ${JSON.stringify(input.slice(0, 6))}…`,
          );
      }
    }
    expect(slow).toEqual([]);
  });
});
