import { describe, expect, it } from 'vitest';
import { BILOU_TAGS } from './bilou';
import {
  documentWords,
  gazetteerMarks,
  type NerContext,
  sentenceFeatures,
  withPrefixes,
} from './ner-features';
import { NerModel } from './ner-model';
import type { NerModelData } from './ner-model-data';
import { tagDocument } from './tag-document';

const T = BILOU_TAGS.length;

function context(words: string[], clusters?: Map<string, string>): NerContext {
  return {
    ...documentWords([words]),
    gazetteer: new Map(),
    lowerVocab: new Set(),
    ...(clusters ? { clusters } : {}),
  };
}

/** A model whose only weight is `feature` for U-LOC: it tags a token as a place only through that feature. */
function oneFeatureModel(feature: string, clusters?: string): NerModelData {
  const bytes = Uint8Array.from([1, BILOU_TAGS.indexOf('U-LOC'), 100]);
  return {
    version: 1,
    tags: [...BILOU_TAGS],
    scale: 10,
    weightBytes: 1,
    transitions: new Array((T + 1) * T).fill(0),
    features: feature,
    weights: btoa(String.fromCharCode(...bytes)),
    gazetteer: '',
    lowerVocab: 'the',
    ...(clusters === undefined ? {} : { clusters }),
  };
}

describe('cluster features', () => {
  const clusters = new Map([
    ['Vienna', '3.1'],
    ['in', '7.0'],
  ]);

  it('give a token its path, first level and path with shape, and its neighbours paths', () => {
    const words = ['in', 'Vienna', 'today'];
    const feats = sentenceFeatures(words, context(words, clusters));
    expect(feats[1]).toEqual(expect.arrayContaining(['c=3.1', 'c1=3', 'cs=3.1|Xx', 'c-1=7.0']));
    expect(feats[0]).toEqual(expect.arrayContaining(['c-1=<s>', 'c+1=3.1']));
    expect(feats[2]).toEqual(expect.arrayContaining(['c+1=</s>', 'c-1=3.1']));
    // A word outside the table has no cluster of its own.
    expect(feats[2]!.filter((f) => f.startsWith('c=') || f.startsWith('c1='))).toEqual([]);
  });

  it('are absent when the model has no clusters', () => {
    const words = ['in', 'Vienna'];
    const feats = sentenceFeatures(words, context(words));
    expect(feats.flat().filter((f) => /^c[-+1s]?=/.test(f))).toEqual([]);
  });

  it('reach the tagger from the model data (the shipped table is read and used when tagging)', () => {
    const withTable = new NerModel(oneFeatureModel('c=3.1', 'Vienna\t3.1\nin\t7.0'));
    expect(withTable.clusters?.get('Vienna')).toBe('3.1');
    expect(tagDocument(withTable, [['in', 'Vienna']])).toEqual([[{ label: 'LOC', start: 1, end: 2 }]]);
    const withoutTable = new NerModel(oneFeatureModel('c=3.1'));
    expect(tagDocument(withoutTable, [['in', 'Vienna']])).toEqual([[]]);
  });
});

describe('place names in the gazetteer', () => {
  it('mark every token of a multi-word place with its position and the GEO type', () => {
    const gazetteer = withPrefixes(new Map([['viña del mar', 'GEO']]));
    expect(gazetteerMarks(['in', 'viña', 'del', 'mar', 'today'], gazetteer)).toEqual([
      [],
      ['B-GEO'],
      ['I-GEO'],
      ['L-GEO'],
      [],
    ]);
  });
});
