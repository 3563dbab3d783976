// The core's import graph, read from its TypeScript sources without a compiler: every relative import,
// export-from, side-effect import and dynamic import(), type-only ones included (a type import is
// still an arrow a reader has to follow, and a circle of them is still a circle).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** file (relative to the root, '/'-separated) -> the files it imports. */
export type ImportGraph = Map<string, string[]>;

const SPECIFIERS = [
  // import x from '...', import { a } from '...', export { a } from '...', the closing line of a multi-line
  // import. Read without the statement's head: a pattern spanning it backtracks polynomially (ReDoS suite).
  /\bfrom ['"]([^'"]+)['"]/g,
  /^import ['"]([^'"]+)['"]/gm, // side effects only (formatted sources start imports at column 0)
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g, // dynamic
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The file a relative specifier names, as TypeScript's bundler resolution finds it. */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')];
  return candidates.find((c) => {
    try {
      return statSync(c).isFile();
    } catch {
      return false;
    }
  });
}

/** The imports between the sources under `root` (tests left out); imports leaving `root` are ignored. */
export function readImportGraph(root: string): ImportGraph {
  const graph: ImportGraph = new Map();
  const name = (path: string) => relative(root, path).split('\\').join('/');
  for (const file of sourceFiles(root)) {
    const text = readFileSync(file, 'utf8');
    const targets = new Set<string>();
    for (const pattern of SPECIFIERS)
      for (const match of text.matchAll(pattern)) {
        const specifier = match[1]!;
        if (!specifier.startsWith('.')) continue;
        const target = resolveSpecifier(file, specifier);
        if (target && !relative(root, target).startsWith('..')) targets.add(name(target));
      }
    graph.set(name(file), [...targets].sort());
  }
  return graph;
}

/** Every file `entry` reaches through its imports, itself included (JSON and other leaves too). */
export function reachableFrom(graph: ReadonlyMap<string, readonly string[]>, entry: string): Set<string> {
  const seen = new Set<string>([entry]);
  const todo = [entry];
  for (let file = todo.pop(); file !== undefined; file = todo.pop())
    for (const next of graph.get(file) ?? [])
      if (!seen.has(next)) {
        seen.add(next);
        todo.push(next);
      }
  return seen;
}

/** The graph's circles: each strongly connected component with more than one node, or a self-import. */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's algorithm, iterative so that a deep chain cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let next = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; edge: number }> = [{ node: start, edge: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = graph.get(frame.node) ?? [];
      if (frame.edge < edges.length) {
        const to = edges[frame.edge++]!;
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, edge: 0 });
        } else if (onStack.has(to)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      const selfImport = (graph.get(frame.node) ?? []).includes(frame.node);
      if (component.length > 1 || selfImport) cycles.push(component.sort());
    }
  }
  return cycles;
}

/** The same graph one level up: folder -> folders it imports from (a file at the root is its own room). */
export function folderGraph(graph: ReadonlyMap<string, readonly string[]>): ImportGraph {
  const room = (file: string) => (file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : file);
  const folders: ImportGraph = new Map();
  for (const [file, targets] of graph) {
    const from = room(file);
    const list = new Set(folders.get(from) ?? []);
    for (const t of targets) if (room(t) !== from) list.add(room(t));
    folders.set(from, [...list].sort());
  }
  return folders;
}
