import { describe, expect, it } from 'vitest';
import type { Feature, Polygon, Position } from 'geojson';
import { area, booleanPointInPolygon, centroid } from '@turf/turf';
import { TILE_LAYER_IDS, TILE_LAYERS } from './layers.ts';
import { labelPoint, packageLayers } from './package-layers.ts';
import { lHamlet, smallPackage, squareHamlet } from './fixtures/small-package.ts';

describe('packageLayers', () => {
  const layers = packageLayers(smallPackage());

  it('gives every declared layer, each feature carrying only declared properties', () => {
    expect(Object.keys(layers)).toEqual(TILE_LAYER_IDS);
    for (const id of TILE_LAYER_IDS) {
      for (const f of layers[id].features) {
        for (const key of Object.keys(f.properties ?? {})) expect(Object.keys(TILE_LAYERS[id].fields)).toContain(key);
      }
    }
    expect(layers.hamlets.features.map((f) => f.properties)).toEqual([
      { id: '01', name: 'Xóm Đồng Tâm', population: 812 },
      { id: '02', name: 'Xóm Khe Mo', population: 430 },
    ]);
  });

  it('leaves out null values instead of writing them', () => {
    const [sector, omni] = layers.sites.features;
    expect(sector?.properties).toMatchObject({ azimuth_deg: 120, band_mhz: 3500, on_air_year: 2027, status: 'planned' });
    expect(omni?.properties).not.toHaveProperty('azimuth_deg');
    expect(omni?.properties).not.toHaveProperty('band_mhz');
    expect(omni?.properties).not.toHaveProperty('on_air_year');
    expect(layers.speedtests.features[0]?.properties).not.toHaveProperty('latency_ms');
    expect(layers.speedtests.features[0]?.properties).toMatchObject({ down_mbps: 42.5, up_mbps: 11.2 });
  });

  it('puts each hamlet label inside its hamlet, also where the centroid falls outside', () => {
    expect(booleanPointInPolygon(centroid(lHamlet.geometry), lHamlet.geometry)).toBe(false);
    for (const hamlet of [squareHamlet, lHamlet]) {
      const label = labelPoint(hamlet.geometry);
      expect(booleanPointInPolygon(label, hamlet.geometry), hamlet.id).toBe(true);
    }
    expect(layers.hamlet_labels.features.map((f) => f.properties?.id)).toEqual(['01', '02']);
  });

  it('draws the commune as the union of its hamlets, closing gaps under 1 ha but keeping enclaves', () => {
    expect(layers.commune.features).toHaveLength(1);
    const outline = layers.commune.features[0] as Feature<Polygon>;
    expect(outline.properties).toEqual({ id: 'tiny', name: 'Xã Thử' });
    expect(outline.geometry.type).toBe('Polygon');
    // The outer ring plus the 25 ha enclave; the 50 m gap is gone.
    expect(outline.geometry.coordinates).toHaveLength(2);
    const smallHole = squareHamlet.geometry.coordinates[1] as Position[];
    const smallHoleM2 = area({ type: 'Polygon', coordinates: [smallHole] });
    const hamletsM2 = area(squareHamlet.geometry) + area(lHamlet.geometry);
    expect(area(outline)).toBeCloseTo(hamletsM2 + smallHoleM2, -2);
  });
});
