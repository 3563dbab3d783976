import { parseHTML } from 'linkedom';

/**
 * Turns HTML into a DOM Document. linkedom needs no Node builtins, so the HTML parser stays in the
 * runtime-agnostic core; a caller with its own DOM (a browser's DOMParser) can pass that instead.
 */
export type CreateDocument = (html: string) => Document;

export const createDocument: CreateDocument = (html) => {
  const { document } = parseHTML(html);
  // linkedom builds no <html> element for a fragment ("<p>text</p>", plain text), and then throws on
  // document.head; a browser would wrap the fragment in a document, so do the same.
  if (document.documentElement) return document as unknown as Document;
  return parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`)
    .document as unknown as Document;
};
