// The reference page's script and style, served from the API itself so the CSP can forbid everything else.

export const DOCS_JS = `// Try-it forms: build the request from the fields, show the answer as text (never as HTML).
for (const form of document.querySelectorAll('form.try')) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const out = form.querySelector('pre.out');
    let path = form.dataset.path;
    const query = new URLSearchParams();
    for (const input of form.querySelectorAll('input')) {
      if (!input.value) continue;
      if (input.dataset.in === 'path') path = path.replace('{' + input.name + '}', encodeURIComponent(input.value));
      else query.set(input.name, input.value);
    }
    const url = path + (query.size ? '?' + query : '');
    out.hidden = false;
    out.textContent = 'GET ' + url + ' ...';
    try {
      const res = await fetch(url);
      const type = res.headers.get('content-type') || '';
      const text = await res.text();
      let body = text;
      if (type.includes('json')) body = JSON.stringify(JSON.parse(text), null, 2);
      out.textContent = 'GET ' + url + '\\n' + res.status + ' ' + type + '\\n\\n' + body;
    } catch (error) {
      out.textContent = 'GET ' + url + '\\nfailed: ' + error;
    }
  });
}
`;

export const DOCS_CSS = `:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.45; }
body { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
code, pre { font-family: ui-monospace, monospace; }
nav ul, .statuses { padding-left: 1.2rem; }
.op { border-top: 1px solid #8884; padding: 0.5rem 0 1rem; }
.method { display: inline-block; min-width: 3.5rem; font: bold 0.8rem ui-monospace, monospace; padding: 0.1rem 0.3rem;
  border-radius: 0.25rem; background: #2a6; color: #fff; text-align: center; }
.method.post { background: #26a; }
table { border-collapse: collapse; margin: 0.5rem 0; }
th, td { border: 1px solid #8884; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
form.try { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
form.try label { display: flex; flex-direction: column; font-size: 0.85rem; }
pre.out { flex-basis: 100%; max-height: 30rem; overflow: auto; background: #8881; padding: 0.5rem; }
`;
