import { parseHTML } from 'linkedom';

/**
 * Turns HTML into a DOM Document. linkedom needs no Node builtins, so the HTML parser stays in the
 * runtime-agnostic core; a caller with its own DOM (a browser's DOMParser) can pass that instead.
 */
export type CreateDocument = (html: string) => Document;

export const createDocument: CreateDocument = (html) => parseHTML(html).document as unknown as Document;
