import { describe, expect, it } from 'vitest';
import { appLayers, DYNAMIC_SOURCES } from './layers.ts';
import { basemapLabelFields, BASEMAP_LAYER_PREFIX, pageBasemap } from './basemap-style.ts';
import { basemapLayers } from './basemap.ts';
import { GEOJSON_REFS, pmtilesRefs } from './style.ts';

const URL_ = 'http://127.0.0.1:4173/fixtures/basemap/basemap.pmtiles';

/** Every string anywhere inside a JSON-like value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('pageBasemap', () => {
  const style = pageBasemap({ basemapUrl: URL_, lang: 'vi' });

  it('keeps every basemap layer and source, each id prefixed', () => {
    const plain = basemapLayers({ basemapUrl: URL_, lang: 'vi' });
    expect(style.sources).toEqual(plain.sources);
    expect(style.layers.map((l) => l.id)).toEqual(plain.layers.map((l) => `${BASEMAP_LAYER_PREFIX}${l.id}`));
  });

  it('shares no layer id with the app layers above it (Protomaps has its own "pois")', () => {
    const basemapIds = new Set(basemapLayers({ basemapUrl: URL_, lang: 'vi' }).layers.map((l) => l.id));
    const appIds = [...appLayers(GEOJSON_REFS), ...appLayers(pmtilesRefs('package-tiles'))].map((l) => l.id);
    // Without the prefix they would collide, and MapLibre refuses the whole style.
    expect(appIds.filter((id) => basemapIds.has(id))).toContain('pois');
    const prefixed = new Set(style.layers.map((l) => l.id));
    expect(appIds.filter((id) => prefixed.has(id))).toEqual([]);
    expect(Object.keys(style.sources).filter((s) => (DYNAMIC_SOURCES as readonly string[]).includes(s))).toEqual([]);
  });

  it('labels in the page font: no Noto Sans face is left for MapLibre to look for', () => {
    const symbolStrings = strings(style.layers.filter((l) => l.type === 'symbol'));
    expect(symbolStrings.filter((s) => /^Noto Sans (Regular|Medium|Italic)$/.test(s))).toEqual([]);
    const locality = style.layers.find((l) => l.id === `${BASEMAP_LAYER_PREFIX}places_locality`);
    expect(strings(locality)).toEqual(expect.arrayContaining(['Be Vietnam Pro Regular', 'Be Vietnam Pro SemiBold', 'Be Vietnam Pro']));
  });

  it('without a basemap is the neutral background alone', () => {
    const plain = pageBasemap({ basemapUrl: null, lang: 'vi' });
    expect(plain.sources).toEqual({});
    expect(plain.layers.map((l) => l.type)).toEqual(['background']);
  });
});

describe('basemapLabelFields', () => {
  it('gives each label layer of the style its text in the asked language', () => {
    const symbolIds = pageBasemap({ basemapUrl: URL_, lang: 'vi' })
      .layers.filter((l) => l.type === 'symbol')
      .map((l) => l.id);
    const vi = basemapLabelFields(URL_, 'vi');
    const en = basemapLabelFields(URL_, 'en');
    expect(vi.map((f) => f.id)).toEqual(symbolIds);
    expect(en.map((f) => f.id)).toEqual(symbolIds);
    const locality = (fields: typeof vi) => strings(fields.find((f) => f.id === `${BASEMAP_LAYER_PREFIX}places_locality`)?.textField);
    expect(locality(vi)).toContain('name:vi');
    expect(locality(en)).toContain('name:en');
    expect(strings(en.map((f) => f.textField))).not.toContain('name:vi');
  });
});
