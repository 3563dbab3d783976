/** Listeners of one kind of event: added (returning the function that removes them), told, forgotten. */
export function listeners<A extends unknown[]>() {
  const set = new Set<(...args: A) => void>();
  return {
    add(listener: (...args: A) => void): () => void {
      set.add(listener);
      return () => set.delete(listener);
    },
    /** Tells each listener; one added or removed meanwhile is not told. */
    emit(...args: A): void {
      for (const listener of [...set]) listener(...args);
    },
    clear: () => set.clear(),
  };
}
