import { describe, expect, it } from 'vitest';
import { searchKey, searchTerms, searchWords } from '../../shared/search-key';

describe('searchKey', () => {
  it.each([
    ['Zoë', 'zoe'],
    ['ZOË', 'zoe'],
    ['Brontë', 'bronte'],
    ['O’Brien', 'obrien'],
    ["O'Brien", 'obrien'],
    ['OBRIEN', 'obrien'],
    ['Łukasz Żółć', 'lukasz zolc'],
    ['Strauß', 'strauss'],
    ['Søren Ærø', 'soren aero'],
    ['Siân  Ní Bhriain', 'sian ni bhriain'],
    ['Smith-Jones', 'smith jones'],
    ['CR-2024/0012', 'cr 2024 0012'],
    ['  café  ', 'cafe'],
    ['', ''],
    ['—', ''],
  ])('%s → %s', (text, key) => {
    expect(searchKey(text)).toBe(key);
  });
});

describe('searchTerms', () => {
  it('gives each word, and the words run together when there are several', () => {
    expect(searchTerms('Zoë')).toEqual(['zoe']);
    expect(searchTerms('van der Berg')).toEqual(['van', 'der', 'berg', 'vanderberg']);
    expect(searchTerms('CR-2024-0012')).toEqual(['cr', '2024', '0012', 'cr20240012']);
  });

  it('joins several texts, skipping the missing ones, each term once', () => {
    expect(searchTerms('Zoë', 'Smith', null, undefined, 'SMITH')).toEqual(['zoe', 'smith']);
  });
});

describe('searchWords', () => {
  it('splits a search into words, and offers them run together', () => {
    expect(searchWords('Zoe')).toEqual({ words: ['zoe'], joined: null });
    expect(searchWords("o' brien")).toEqual({ words: ['o', 'brien'], joined: 'obrien' });
    expect(searchWords('  ')).toEqual({ words: [], joined: null });
    expect(searchWords('a b c d e f g h').words).toHaveLength(6);
  });
});
