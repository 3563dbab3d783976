/** Term ids by term, numbered in order of first sighting. */
export class TermDictionary {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();

  readonly idOf = (term: string): number => {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(term);
      this.ids.set(term, id);
    }
    return id;
  };
}
