import { describe, expect, it } from 'vitest';
import { filterSettings } from './filter-settings';

const SETTINGS = [
  { name: 'maxmemory-policy', value: 'noeviction' },
  { name: 'maxclients', value: '10000' },
  { name: 'save', value: '3600 1 300 100' },
  { name: 'latency-tracking', value: null },
];

describe('filterSettings', () => {
  it('keeps the settings whose name or value holds every word, ignoring case', () => {
    expect(filterSettings(SETTINGS, 'MAX').map((setting) => setting.name)).toEqual(['maxmemory-policy', 'maxclients']);
    expect(filterSettings(SETTINGS, 'max eviction').map((setting) => setting.name)).toEqual(['maxmemory-policy']);
    expect(filterSettings(SETTINGS, '3600').map((setting) => setting.name)).toEqual(['save']);
    expect(filterSettings(SETTINGS, 'nothing-like-it')).toEqual([]);
  });

  it('keeps everything for an empty search', () => {
    expect(filterSettings(SETTINGS, '  ')).toHaveLength(4);
  });
});
