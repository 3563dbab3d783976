/**
 * Removes trailing characters that are in `chars`, in linear time. The regex `/[…]+$/` does the same in
 * quadratic time on a long run of those characters followed by another one (backtracking from each start).
 */
export function trimEndChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}
