import { type DateOrder, type NumericReading, pageDateOrder } from '../../metadata/date-order';
import { monthFromUrl } from '../../metadata/normalize-date';

/** Elements whose text a reader never sees. */
const UNSEEN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'HEAD']);
/** How much visible text is read for the dates that show the page's order: enough for any article. */
const MAX_VISIBLE_CHARS = 200_000;

/** The text a reader sees on the page (scripts, styles and templates left out), at most MAX_VISIBLE_CHARS. */
export function visibleText(doc: Document): string {
  const parts: string[] = [];
  let length = 0;
  const walk = (node: Node) => {
    for (let child = node.firstChild; child && length < MAX_VISIBLE_CHARS; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const text = child.nodeValue ?? '';
        parts.push(text);
        length += text.length;
      } else if (child.nodeType === 1 && !UNSEEN.has((child as Element).tagName.toUpperCase())) walk(child);
    }
  };
  walk(doc.body ?? doc.documentElement);
  return parts.join(' ');
}

/**
 * How the page's all-number dates are read (see settleNumeric): the order its language tags give
 * (<html lang>, og:locale, Content-Language, DC.language) or its own dates show, and the month its URL
 * files it under. The order is worked out on first use only: most pages write no ambiguous date.
 */
export function pageNumericReading(
  doc: Document,
  meta: (key: string) => string | undefined,
  urls: ReadonlyArray<string | undefined>,
  now: string | undefined,
): NumericReading {
  let order: { value: DateOrder | undefined } | undefined;
  const month = urls.map((url) => monthFromUrl(url, now)).find((m) => m !== undefined);
  return {
    get order() {
      order ??= {
        value: pageDateOrder(
          [
            doc.documentElement?.getAttribute('lang') ?? undefined,
            meta('og:locale'),
            meta('content-language'),
            meta('dc.language') ?? meta('dcterms.language'),
          ],
          visibleText(doc),
        ),
      };
      return order.value;
    },
    month,
  };
}
