// The little of Lunr's API the benchmark uses (Lunr ships no types).
declare module 'lunr' {
  namespace lunr {
    interface Builder {
      ref(name: string): void;
      field(name: string, attributes?: { boost?: number }): void;
      add(doc: object): void;
    }
    interface Index {
      search(query: string): Array<{ ref: string; score: number }>;
      toJSON(): object;
    }
    namespace Index {
      function load(serialised: object): Index;
    }
  }
  function lunr(config: (this: lunr.Builder) => void): lunr.Index;
  export default lunr;
}
