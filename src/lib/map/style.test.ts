import { describe, expect, it } from 'vitest';
import { createExpression, featureFilter, validateStyleMin, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Report } from '../engine/types.ts';
import { cell, hamlet, makePackage, rect } from '../../../tests/unit/fixtures/engine/builders.ts';
import { TILE_LAYER_IDS } from '../tiles/layers.ts';
import { basemapLayers } from './basemap.ts';
import { NO_DATA_COLOR, shareColor, SPEED_COLORS } from './colors.ts';
import { packageLayers } from '../tiles/package-layers.ts';
import { appLayers, CHOROPLETH_FILL, footprintFilters, LAYER_KEYS, layerKeyOf, poiIconExpression, speedColorExpression, type LayerKey } from './layers.ts';
import { POI_COVERED_IMAGE, POI_UNCOVERED_IMAGE } from './images.ts';
import { buildStyle, choroplethSource, choroplethStateChanges, GEOJSON_REFS, geojsonSources, layerVisibility, packageTilesSource, pmtilesRefs } from './style.ts';

const PKG = makePackage({
  area: { id: 't', name: 'Xã Thử', province: null, sample: true, notes: null, hamlet_coverage_threshold: 0.9, indicators: {} },
  hamlets: [hamlet('01', rect(105.9, 21.5, 105.91, 21.51), 100, { name: 'Xóm Một' }), hamlet('02', rect(105.91, 21.5, 105.92, 21.51), 50, { name: 'Xóm Hai' })],
  cells: [cell({ id: 'c1', lon: 105.905, lat: 21.505, range_m: 500 })],
});

function report(shares: Array<number | null>): Report {
  return {
    area: { id: 't', name: 'Xã Thử', sample: true },
    year: null,
    population: 150,
    metrics: {} as Report['metrics'],
    targets: [],
    hamlets: PKG.hamlets.map((h, i) => ({
      id: h.id,
      name: h.name,
      population: h.population,
      share: { '4g': 1, '5g': shares[i] ?? null, mobile_bb: 1, fiber: null, fiber_1g: null },
    })),
  };
}

describe('buildStyle', () => {
  const style = buildStyle({ staticSources: geojsonSources(packageLayers(PKG)), refs: GEOJSON_REFS, basemap: basemapLayers({ basemapUrl: null, lang: 'vi' }) });

  it('is offline: no glyphs, sprite or http(s) URL anywhere', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
  });

  it('gives every layer a source the style defines, and unique ids', () => {
    const ids = style.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const layer of style.layers) {
      if ('source' in layer && typeof layer.source === 'string') expect(style.sources).toHaveProperty(layer.source);
    }
  });

  it('puts the package hamlets (ids as strings) in the hamlet source', () => {
    const source = style.sources['pkg-hamlets'] as unknown as { data: { features: Array<{ properties: { id: string; name: string } }> } };
    expect(source.data.features.map((f) => f.properties.id)).toEqual(['01', '02']);
    expect(source.data.features.map((f) => f.properties.name)).toEqual(['Xóm Một', 'Xóm Hai']);
  });
});

describe('pmtilesRefs', () => {
  it('reads every static layer from a source-layer the tiles contain', () => {
    for (const layer of appLayers(pmtilesRefs('tiles'))) {
      if ('source-layer' in layer) expect(TILE_LAYER_IDS).toContain(layer['source-layer']);
    }
    const hamletLayer = appLayers(pmtilesRefs('tiles')).find((l) => l.id === 'hamlet-fill');
    expect(hamletLayer).toMatchObject({ source: 'tiles', 'source-layer': 'hamlets' });
  });
});

describe('CHOROPLETH_FILL', () => {
  const fill = createExpression(CHOROPLETH_FILL, 'layers.choropleth.paint.fill-color', { type: 'color' } as never);
  if (fill.result !== 'success') throw new Error(JSON.stringify(fill.value));
  const colorAt = (share: unknown) => {
    const c = fill.value.evaluate({ zoom: 12 }, { type: 1, properties: {} }, share === undefined ? {} : { share }) as { r: number; g: number; b: number };
    const hex = (x: number) => Math.round(x * 255).toString(16).padStart(2, '0');
    return `#${hex(c.r)}${hex(c.g)}${hex(c.b)}`;
  };

  it('colours a share exactly as the legend and the hamlet table do (colors.shareColor), at and around each break', () => {
    for (const share of [0, 0.1, 0.2499, 0.25, 0.3, 0.4999, 0.5, 0.7, 0.75, 0.8999, 0.9, 0.95, 1]) expect(colorAt(share), String(share)).toBe(shareColor(share));
  });

  it('is the no-data grey for a null share and before any state is set', () => {
    expect(colorAt(null)).toBe(NO_DATA_COLOR);
    expect(colorAt(undefined)).toBe(NO_DATA_COLOR);
  });
});

describe('choroplethStateChanges', () => {
  it('sets every hamlet the first time, then only the hamlets whose share moved', () => {
    const shown = new Map<string, number | null>();
    expect(choroplethStateChanges(shown, report([0.95, null]), '5g')).toEqual([
      { id: '01', state: { share: 0.95 } },
      { id: '02', state: { share: null } },
    ]);
    expect(choroplethStateChanges(shown, report([0.95, null]), '5g')).toEqual([]);
    expect(choroplethStateChanges(shown, report([0.95, 0.3]), '5g')).toEqual([{ id: '02', state: { share: 0.3 } }]);
  });

  it('switches metric by re-setting the hamlets whose share differs in the new metric', () => {
    const shown = new Map<string, number | null>();
    choroplethStateChanges(shown, report([0.95, null]), '5g');
    // 4G is 1 everywhere in the fixture.
    expect(choroplethStateChanges(shown, report([0.95, null]), '4g')).toEqual([
      { id: '01', state: { share: 1 } },
      { id: '02', state: { share: 1 } },
    ]);
  });

  it('returns the hamlets to no data when the figures go away', () => {
    const shown = new Map<string, number | null>();
    choroplethStateChanges(shown, report([0.5, 0.6]), '5g');
    expect(choroplethStateChanges(shown, null, '5g')).toEqual([
      { id: '01', state: { share: null } },
      { id: '02', state: { share: null } },
    ]);
  });
});

describe('choroplethSource', () => {
  it('names the hamlet source the choropleth draws, with its source-layer in tiles', () => {
    const basemap = basemapLayers({ basemapUrl: null, lang: 'vi' });
    expect(choroplethSource(buildStyle({ staticSources: geojsonSources(null), refs: GEOJSON_REFS, basemap }))).toEqual({ source: 'pkg-hamlets' });
    expect(choroplethSource(buildStyle({ staticSources: { t: packageTilesSource('https://example.org/t.pmtiles') }, refs: pmtilesRefs('t'), basemap }))).toEqual({
      source: 't',
      sourceLayer: 'hamlets',
    });
  });
});

describe('packageTilesSource', () => {
  it('keys the hamlets of the archive by their id, for the feature state', () => {
    expect(packageTilesSource('https://example.org/t.pmtiles')).toEqual({ type: 'vector', url: 'pmtiles://https://example.org/t.pmtiles', promoteId: { hamlets: 'id' } });
  });
});

describe('layerVisibility', () => {
  const layers = appLayers(GEOJSON_REFS);
  const allOn = Object.fromEntries(LAYER_KEYS.map((k) => [k, true])) as Record<LayerKey, boolean>;

  it('hides exactly the layers of a toggle that is off', () => {
    for (const key of LAYER_KEYS) {
      const updates = layerVisibility(layers, { ...allOn, [key]: false });
      const hidden = updates.filter((u) => u.visibility === 'none').map((u) => u.id);
      const expected = layers.filter((l) => layerKeyOf(l) === key).map((l) => l.id);
      expect(hidden).toEqual(expected);
      expect(hidden.length).toBeGreaterThan(0);
    }
  });

  it('never hides the commune outline', () => {
    const allOff = Object.fromEntries(LAYER_KEYS.map((k) => [k, false])) as Record<LayerKey, boolean>;
    expect(layerVisibility(layers, allOff).map((u) => u.id)).not.toContain('commune-line');
  });
});

describe('speedColorExpression', () => {
  it('steps through the speed colours at 10, 30 and 100 Mb/s', () => {
    expect(speedColorExpression()).toEqual([
      'step', ['to-number', ['get', 'down_mbps'], 0],
      SPEED_COLORS[0], 10, SPEED_COLORS[1], 30, SPEED_COLORS[2], 100, SPEED_COLORS[3],
    ]);
  });
});

// MapLibre's own style-spec package (a dependency of maplibre-gl) checks and evaluates the
// expressions, so these tests do not restate them.
describe('the style against the MapLibre style spec', () => {
  const style = buildStyle({ staticSources: geojsonSources(packageLayers(PKG)), refs: GEOJSON_REFS, basemap: basemapLayers({ basemapUrl: null, lang: 'vi' }) });

  it('validates, filters and expressions included', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  const feature = (properties: Record<string, unknown>) => ({ type: 3 as const, properties });
  const passes = (filter: unknown, properties: Record<string, unknown>) =>
    featureFilter(filter as FilterSpecification, 'layers[0].filter').filter({ zoom: 12 }, feature(properties));

  it('draws no footprint until a site is selected, then only that site’s cells', () => {
    for (const { filter } of footprintFilters(null)) expect(passes(filter, { site_id: 's1', status: 'on_air' })).toBe(false);
    const selected = Object.fromEntries(footprintFilters('s1').map(({ id, filter }) => [id, filter]));
    expect(passes(selected['footprint-fill'], { site_id: 's1', status: 'planned' })).toBe(true);
    expect(passes(selected['footprint-fill'], { site_id: 's2', status: 'on_air' })).toBe(false);
    expect(passes(selected['footprint-line-planned'], { site_id: 's1', status: 'planned' })).toBe(true);
    expect(passes(selected['footprint-line-planned'], { site_id: 's1', status: 'on_air' })).toBe(false);
    // The style starts with nothing selected.
    const initial = style.layers.find((l) => l.id === 'footprint-fill') as { filter?: unknown } | undefined;
    expect(passes(initial?.filter, { site_id: 's1', status: 'on_air' })).toBe(false);
  });

  it('marks a priority place with the covered icon only when the chosen technology covers it', () => {
    const icon = createExpression(poiIconExpression('5g'), { type: 'string' } as never);
    if (icon.result !== 'success') throw new Error('poiIconExpression does not parse');
    const at = (properties: Record<string, unknown>) => icon.value.evaluate({ zoom: 12 }, feature(properties));
    expect(at({ cov_5g: true, cov_4g: false })).toBe(POI_COVERED_IMAGE);
    expect(at({ cov_5g: false, cov_4g: true })).toBe(POI_UNCOVERED_IMAGE);
  });
});
