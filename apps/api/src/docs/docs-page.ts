import { PROBLEMS } from '../http/problem';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: { type?: string | string[]; enum?: unknown[]; default?: unknown; maximum?: number };
}
interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: unknown;
  responses?: Record<string, { description?: string }>;
}
export interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
}

const esc = (s: unknown) =>
  String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/**
 * Description text as HTML: escaped, with its Markdown inline code (`like this`) as <code>. The
 * descriptions come from the zod schemas, written in Markdown as OpenAPI says they may be.
 */
export const prose = (s: unknown) => esc(s).replace(/`([^`]+)`/g, '<code>$1</code>');

const anchor = (method: string, path: string) => `${method}-${path.replace(/[^a-z0-9]+/gi, '-')}`;

function typeOf(p: Parameter): string {
  const s = p.schema ?? {};
  if (s.enum) return s.enum.map(String).join(' | ');
  return [s.type].flat().filter(Boolean).join(' | ') || 'string';
}

function operationHtml(path: string, method: string, op: Operation): string {
  const params = op.parameters ?? [];
  const rows = params
    .map(
      (p) =>
        `<tr><th scope="row"><code>${esc(p.name)}</code></th><td>${esc(p.in)}</td><td>${p.required ? 'yes' : ''}</td>` +
        `<td><code>${esc(typeOf(p))}</code>${p.schema?.default !== undefined ? ` (default ${esc(p.schema.default)})` : ''}</td>` +
        `<td>${prose(p.description)}</td></tr>`,
    )
    .join('');
  const inputs = params
    .map(
      (p) =>
        `<label>${esc(p.name)} <input name="${esc(p.name)}" data-in="${esc(p.in)}"${p.required ? ' required' : ''} ` +
        `placeholder="${esc(typeOf(p))}"></label>`,
    )
    .join(' ');
  const statuses = Object.entries(op.responses ?? {})
    .map(([code, r]) => `<li><code>${esc(code)}</code> ${prose(r.description)}</li>`)
    .join('');
  const tryIt =
    method === 'get'
      ? `<form class="try" data-path="${esc(path)}">${inputs} <button type="submit">Send</button><pre class="out" hidden></pre></form>`
      : '<p class="note">Send a JSON body with <code>Content-Type: application/json</code>.</p>';
  return `<section class="op" id="${anchor(method, path)}">
<h3><span class="method ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p>${prose(op.summary)}</p>${op.description ? `<p class="desc">${prose(op.description)}</p>` : ''}
${rows ? `<table><thead><tr><th scope="col">parameter</th><th scope="col">in</th><th scope="col">required</th><th scope="col">type</th><th scope="col">meaning</th></tr></thead><tbody>${rows}</tbody></table>` : ''}
<ul class="statuses">${statuses}</ul>
${tryIt}
</section>`;
}

/** A self-contained reference page rendered from the OpenAPI document: no CDN, no inline script. */
export function docsPage(doc: OpenApiDocument): string {
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  const toc = ops
    .map(
      ({ path, method, op }) =>
        `<li><a href="#${anchor(method, path)}"><span class="method ${esc(method)}">${esc(method.toUpperCase())}</span> ${esc(path)}</a> ${esc(op.summary)}</li>`,
    )
    .join('');
  const problems = Object.entries(PROBLEMS)
    .map(
      ([kind, p]) =>
        `<li id="problem-${esc(kind)}"><code>${esc(kind)}</code> (${p.status}): ${esc(p.title)}</li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)} reference</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/docs/style.css">
<script type="module" src="/docs/app.js"></script>
</head>
<body>
<header><h1>${esc(doc.info.title)} <small>${esc(doc.info.version)}</small></h1>
<p>${prose(doc.info.description)}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p></header>
<main>
<nav aria-label="Operations"><h2>Operations</h2><ul>${toc}</ul></nav>
${ops.map(({ path, method, op }) => operationHtml(path, method, op)).join('\n')}
<section id="problems"><h2>Problems</h2>
<p>Errors are <code>application/problem+json</code> (RFC 9457) with <code>type</code>, <code>title</code>,
<code>status</code>, <code>detail</code>, the <code>parameter</code> at fault and the <code>requestId</code>.</p>
<ul>${problems}</ul></section>
</main>
</body>
</html>
`;
}
