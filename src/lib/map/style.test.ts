import { describe, expect, it } from 'vitest';
import type { DataPackage, Report } from '../engine/types.ts';
import { TILE_LAYER_IDS } from '../tiles/layers.ts';
import { basemapLayers } from './basemap.ts';
import { NO_DATA_COLOR, shareColor, SPEED_COLORS } from './colors.ts';
import { packageFeatures } from './features.ts';
import { appLayers, LAYER_KEYS, layerKeyOf, speedColorExpression, type LayerKey } from './layers.ts';
import { buildStyle, choroplethColor, GEOJSON_REFS, geojsonSources, hatchPattern, layerVisibility, pmtilesRefs } from './style.ts';

const square = (x: number, y: number, d: number) => ({
  type: 'Polygon' as const,
  coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]],
});

const PKG: DataPackage = {
  area: { id: 't', name: 'Xã Thử', province: null, sample: true, notes: null, hamlet_coverage_threshold: 0.9, indicators: {} },
  targets: [],
  hamlets: [
    { id: '01', name: 'Xóm Một', population: 100, households: null, adults: null, esign_adults: null, geometry: square(105.9, 21.5, 0.01) },
    { id: '02', name: 'Xóm Hai', population: 50, households: null, adults: null, esign_adults: null, geometry: square(105.91, 21.5, 0.01) },
  ],
  cells: [
    {
      id: 'c1', site_id: 's1', name: 'Trạm', carrier: 'VNPT', lon: 105.905, lat: 21.505, tech: '4G', band_mhz: 1800,
      height_m: 30, azimuth_deg: null, beamwidth_deg: 360, eirp_dbm: null, range_m: 500, status: 'on_air', on_air_year: null,
    },
  ],
  coverage: [],
  accessPoints: [],
  cables: [],
  population: null,
  pois: [],
  speedtests: [],
  candidates: [],
  dem: null,
  hasBasemap: false,
};

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
  const features = packageFeatures(PKG);
  const style = buildStyle({ staticSources: geojsonSources(features), refs: GEOJSON_REFS, basemap: basemapLayers({ basemapUrl: null, lang: 'vi' }) });

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

describe('choroplethColor', () => {
  it('colours each hamlet by its share and an unknown share as no data', () => {
    const expr = choroplethColor(report([0.95, null]), '5g');
    expect(expr).toEqual(['match', ['to-string', ['get', 'id']], '01', shareColor(0.95), '02', NO_DATA_COLOR, NO_DATA_COLOR]);
  });

  it('is plain no-data grey before the figures arrive', () => {
    expect(choroplethColor(null, '5g')).toBe(NO_DATA_COLOR);
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

describe('hatchPattern', () => {
  it('is an 8×8 RGBA image with some opaque and some clear pixels', () => {
    const image = hatchPattern([178, 24, 43]);
    expect(image.data).toHaveLength(8 * 8 * 4);
    const alphas = [...image.data.filter((_, i) => i % 4 === 3)];
    expect(alphas.some((a) => a > 0)).toBe(true);
    expect(alphas.some((a) => a === 0)).toBe(true);
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
