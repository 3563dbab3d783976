// Benchmark tables live in docs/benchmarks.md, one section per bench, each rewritten by the bench that
// measures it (never pasted by hand), so the figures a reader sees are the last run's.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** docs/benchmarks.md at the repository root. */
export const BENCHMARKS_FILE = fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url));

const HEAD = `# Benchmarks

Written by \`npm run bench\`: each section is replaced by the bench that measures it, with the machine and
date of that run. Peers run in the same process on the same data; read ratios, not absolute times (the
machine is shared and noisy). Corpora marked GENERATED come from seeded scripts, not from real news.
`;

export interface BenchSectionOptions {
  /** Where to write; docs/benchmarks.md by default. */
  file?: string;
  /** The run's time (the bench passes its clock; the report has none). */
  now: Date;
  /** The command that reproduces the section, shown under its title. */
  command: string;
}

/** Replaces (or appends) the section `id` of the benchmarks document with `markdown`. */
export function writeBenchSection(
  id: string,
  title: string,
  markdown: string,
  options: BenchSectionOptions,
): void {
  const file = options.file ?? BENCHMARKS_FILE;
  const start = `<!-- bench:${id} -->`;
  const end = `<!-- /bench:${id} -->`;
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  const body = [
    start,
    `## ${title}`,
    '',
    `\`${options.command}\` · ${options.now.toISOString().slice(0, 16).replace('T', ' ')} UTC · ${cpus().length} cores, load ${load}`,
    '',
    markdown.trim(),
    end,
  ].join('\n');
  const old = existsSync(file) ? readFileSync(file, 'utf8') : HEAD;
  const from = old.indexOf(start);
  const to = old.indexOf(end);
  const next =
    from >= 0 && to > from
      ? old.slice(0, from) + body + old.slice(to + end.length)
      : `${old.trimEnd()}\n\n${body}\n`;
  mkdirSync(dirname(file), { recursive: true }); // the first run makes docs/
  // Write beside and rename, so a bench killed mid-write never leaves half a document.
  writeFileSync(`${file}.tmp`, next);
  renameSync(`${file}.tmp`, file);
}

/** The id of a section titled `title`: the anchor GitHub gives its heading, so a link to it lands there. */
export function sectionId(title: string): string {
  return title
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

/** A Markdown table from a header row and body rows (cells already formatted; a `|` in one is escaped). */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** What a bench prints, kept as Markdown for its section: every line goes to the console and the report. */
export interface BenchLog {
  /** Prints a line and keeps it as a paragraph of its own (or a heading: `### …`). */
  line(text?: string): void;
  /** Prints a table and keeps it. */
  table(header: readonly string[], rows: readonly (readonly string[])[]): void;
  /** Everything kept so far, one blank line between paragraphs and tables. */
  markdown(): string;
}

export function benchLog(): BenchLog {
  const blocks: string[] = [];
  return {
    line(text = '') {
      console.log(text);
      blocks.push(text.trim());
    },
    table(header, rows) {
      const table = markdownTable(header, rows);
      console.log(`\n${table}\n`);
      blocks.push(table);
    },
    markdown: () => blocks.filter(Boolean).join('\n\n'),
  };
}

/** `command` as this run was started: with those of the `settings` (environment variables) it had set. */
export function benchCommand(command: string, settings: readonly string[]): string {
  const set = settings.filter((name) => process.env[name]).map((name) => `${name}=${process.env[name]} `);
  return `${set.join('')}${command}`;
}
