// Functions too long to fit on a screen, found with the TypeScript compiler's parser: every function
// declaration, method, accessor, constructor, function expression and arrow function, nested ones
// included (a nested helper counts on its own and inside the function that holds it).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface LongFunction {
  /** file relative to the root, '/'-separated, and the line the function starts on (1-based). */
  where: string;
  name: string;
  lines: number;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function nameOf(node: ts.FunctionLikeDeclaration, source: ts.SourceFile): string {
  if (node.name) return node.name.getText(source);
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))
    return parent.name.getText(source);
  return '(anonymous)';
}

/** Functions over `maxLines` lines (first line to last, both counted) under `root`, files named in `skip` left out. */
export function findLongFunctions(
  root: string,
  maxLines: number,
  skip: readonly string[] = [],
): LongFunction[] {
  const found: LongFunction[] = [];
  for (const path of sourceFiles(root)) {
    const file = relative(root, path).split('\\').join('/');
    if (skip.includes(file.slice(file.lastIndexOf('/') + 1))) continue;
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const fn = node as ts.FunctionLikeDeclaration;
        const first = source.getLineAndCharacterOfPosition(fn.getStart(source)).line;
        const last = source.getLineAndCharacterOfPosition(fn.getEnd()).line;
        const lines = last - first + 1;
        if (lines > maxLines) found.push({ where: `${file}:${first + 1}`, name: nameOf(fn, source), lines });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}
