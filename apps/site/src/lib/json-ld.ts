/**
 * JSON for a <script type="application/ld+json"> element. `<` is escaped so article text can never close
 * the element ("</script>") or open a comment; U+2028/2029 are escaped for old parsers.
 */
export function safeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
