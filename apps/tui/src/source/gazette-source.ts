import type {
  Article,
  EntitiesParams,
  EntityListResult,
  Facets,
  FacetsParams,
  ListParams,
  ListResult,
  QuoteListResult,
  QuotesParams,
  RelatedResult,
  SearchParams,
  SearchResult,
} from '@gazette/core/query';
import type { LiveFeed } from './live-feed';

/**
 * What the terminal UI and the scripting commands read from: the core's query functions, either in this
 * process (a local corpus) or over HTTP (a Gazette API). Every call is async so both look the same.
 */
export interface GazetteSource {
  /** Where the data comes from, for the status line: "built-in corpus", "https://api.example". */
  readonly label: string;
  list(params?: ListParams): Promise<ListResult>;
  search(params: SearchParams): Promise<SearchResult>;
  /** Counts per facet value over a query's matches (the search screen asks once typing pauses). */
  facets(params?: FacetsParams): Promise<Facets>;
  get(idOrSlug: string): Promise<Article | undefined>;
  related(idOrSlug: string): Promise<RelatedResult>;
  entities(params?: EntitiesParams): Promise<EntityListResult>;
  quotes(params?: QuotesParams): Promise<QuoteListResult>;
  /** Present when the data follows a live store or API: tells what changed since (the UI's "N new"). */
  readonly live?: LiveFeed;
}
