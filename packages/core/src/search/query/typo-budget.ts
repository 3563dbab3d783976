/** Meilisearch's rule: one typo from 5 letters, two from 9. */
export const typoBudget = (word: string) => (word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0);
