import type { Block, BlockKind } from '../../model/block-schema';
import { normalizeLine } from '../../text/normalize-text';

const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IFRAME',
  'FORM',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'NAV',
  'FIGURE',
  'PICTURE',
  'VIDEO',
  'AUDIO',
  'OBJECT',
  'CANVAS',
]);
// Elements that break the flow of inline text: their text starts a new block.
const BLOCKISH = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'TABLE',
  'TR',
  'TD',
  'TH',
  'TBODY',
  'THEAD',
  'HR',
  'BR',
  'FIGCAPTION',
  'CENTER',
  'ADDRESS',
  ...HEADINGS,
]);

interface Walk {
  blocks: Block[];
  buffer: string[];
}

function flush(walk: Walk, kind: BlockKind): void {
  const text = normalizeLine(walk.buffer.join(''));
  walk.buffer.length = 0;
  if (text) walk.blocks.push({ kind, text });
}

function kindFor(tag: string, inherited: BlockKind): BlockKind {
  if (HEADINGS.has(tag)) return 'heading';
  if (tag === 'LI' || tag === 'DT' || tag === 'DD') return 'list-item';
  if (tag === 'BLOCKQUOTE') return 'blockquote';
  return inherited;
}

function walkNode(node: Node, walk: Walk, kind: BlockKind): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      walk.buffer.push(child.nodeValue ?? '');
      continue;
    }
    if (child.nodeType !== 1) continue;
    const tag = (child as Element).tagName.toUpperCase();
    if (SKIP.has(tag)) continue;
    if (tag === 'IMG') {
      continue;
    }
    if (!BLOCKISH.has(tag)) {
      walkNode(child, walk, kind);
      continue;
    }
    // A block element ends the inline run before it, and its own text is a block of its kind.
    flush(walk, kind);
    if (tag === 'BR' || tag === 'HR') continue;
    const inner = kindFor(tag, kind);
    walkNode(child, walk, inner);
    flush(walk, inner);
  }
}

/**
 * Turns an HTML element's content into model blocks (paragraph, heading, blockquote, list-item):
 * structure is kept, markup is not. A heading that repeats the title is dropped.
 */
export function htmlToBlocks(root: Node, options: { title?: string | undefined } = {}): Block[] {
  const walk: Walk = { blocks: [], buffer: [] };
  walkNode(root, walk, 'paragraph');
  flush(walk, 'paragraph');
  const title = options.title ? normalizeLine(options.title).toLowerCase() : undefined;
  const blocks = walk.blocks.filter(
    (b, i) => !(title && i < 3 && b.kind === 'heading' && b.text.toLowerCase() === title),
  );
  return blocks;
}
