import type { Article, EntityDetail } from '@gazette/core/query';
import type { MapPlace } from './world-map';

/** A story's places and countries as the core linked them, each weighed by its mentions in the story. */
export function storyPlaces(article: Pick<Article, 'entities'>): MapPlace[] {
  return article.entities
    .filter((e) => e.countryCode || e.coordinates)
    .map((e) => ({
      name: e.name,
      countryCode: e.countryCode,
      coordinates: e.coordinates,
      weight: e.mentions.length,
    }));
}

/**
 * Where an entity's coverage happens: the entity itself when it is a place, and the places and countries
 * the core finds beside it (`coOccurring`), each weighed by the articles they share.
 */
export function coveragePlaces(entity: EntityDetail): MapPlace[] {
  const self: MapPlace = {
    name: entity.name,
    countryCode: entity.countryCode,
    coordinates: entity.coordinates,
    weight: entity.articleCount,
  };
  const beside = entity.coOccurring
    .filter((c) => c.countryCode || c.coordinates)
    .map((c) => ({ name: c.name, countryCode: c.countryCode, coordinates: c.coordinates, weight: c.count }));
  return self.countryCode || self.coordinates ? [self, ...beside] : beside;
}
