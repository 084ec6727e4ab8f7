import { describe, expect, it } from 'vitest';
import { basemapLayers, BASEMAP_SOURCE, NEUTRAL_BACKGROUND } from './basemap.ts';

const BASEMAP_URL = 'https://commune.example/data/namhoa/basemap.pmtiles';

/** Every string anywhere inside a JSON-like value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}

describe('basemapLayers', () => {
  it('without a basemap is a single neutral background and no source', () => {
    const style = basemapLayers({ basemapUrl: null, lang: 'vi' });
    expect(style.sources).toEqual({});
    expect(style.layers).toEqual([{ id: 'background', type: 'background', paint: { 'background-color': NEUTRAL_BACKGROUND } }]);
  });

  it('with a basemap reads it through pmtiles:// and fetches nothing else from the network', () => {
    const style = basemapLayers({ basemapUrl: BASEMAP_URL, lang: 'vi' });
    expect(style.sources).toEqual({ [BASEMAP_SOURCE]: { type: 'vector', url: `pmtiles://${BASEMAP_URL}` } });
    const urls = strings(style).filter((s) => /https?:\/\//.test(s));
    expect(urls).toEqual([`pmtiles://${BASEMAP_URL}`]);
    // Every layer but the background draws from the basemap source.
    for (const layer of style.layers) if (layer.type !== 'background') expect(layer.source).toBe(BASEMAP_SOURCE);
  });

  it('labels in Vietnamese when asked, English otherwise', () => {
    const vi = strings(basemapLayers({ basemapUrl: BASEMAP_URL, lang: 'vi' }).layers);
    expect(vi).toContain('name:vi');
    const en = strings(basemapLayers({ basemapUrl: BASEMAP_URL, lang: 'en' }).layers);
    expect(en).toContain('name:en');
    expect(en).not.toContain('name:vi');
  });

  it('needs no sprite: no icon property remains, icon-only layers are gone, labelled ones stay', () => {
    const style = basemapLayers({ basemapUrl: BASEMAP_URL, lang: 'vi' });
    expect(strings(style.layers).filter((s) => s.startsWith('icon-'))).toEqual([]);
    const ids = style.layers.map((l) => l.id);
    expect(ids).not.toContain('roads_oneway');
    expect(ids).toEqual(expect.arrayContaining(['pois', 'places_locality', 'roads_labels_major', 'water']));
    for (const layer of style.layers) if (layer.type === 'symbol') expect(layer.layout).toHaveProperty('text-field');
  });
});
