// The app's map layers as MapLibre layer specifications. Pure: builders take where each
// kind of feature comes from (a GeoJSON source, or a PMTiles source-layer) and return
// plain style JSON, so the same layers draw a bundled tileset or a package opened by URL.
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { CARRIER_COLORS, HOLE_COLOR, NO_DATA_COLOR, OTHER_CARRIER_COLOR, SHARE_BREAKS, SPEED_BREAKS_MBPS, SPEED_COLORS, TECH_COLORS, VIRIDIS_5 } from './colors.ts';
import { HATCH_IMAGE, POI_COVERED_IMAGE, POI_UNCOVERED_IMAGE } from './images.ts';

/** The feature-state key holding a hamlet's share (0..1, or null: no figure) of the chosen metric. */
export const SHARE_STATE = 'share';

/**
 * The choropleth's fill colour: the share scale (colors.ts) stepped on the hamlet's feature
 * state, grey until it has one. The expression never changes: a new report only sets the
 * state of the hamlets whose share moved (style.ts's choroplethStateChanges), so a drag frame costs a
 * few feature updates instead of re-parsing a colour per hamlet.
 */
export const CHOROPLETH_FILL: ExpressionSpecification = [
  'case',
  ['==', ['typeof', ['feature-state', SHARE_STATE]], 'number'],
  ['step', ['feature-state', SHARE_STATE], ...shareSteps()],
  NO_DATA_COLOR,
];

function shareSteps(): [string, ...Array<number | string>] {
  const [first, ...rest] = VIRIDIS_5;
  return [first, ...rest.flatMap((color, i) => [SHARE_BREAKS[i] as number, color])];
}

/** The toggles of the layer panel; each switches one or more MapLibre layers. */
export const LAYER_KEYS = [
  'hamlets',
  'choropleth',
  'cov4g',
  'cov5g',
  'fiber',
  'sites',
  'fiberNet',
  'pois',
  'holes',
  'speedtests',
  'candidates',
] as const;
export type LayerKey = (typeof LAYER_KEYS)[number];

/** Where a kind of feature is read from: a source, and its source-layer for vector tiles. */
export interface SourceRef {
  source: string;
  sourceLayer?: string;
}

/** The package layers that come either from PMTiles or from GeoJSON built from the package. */
export interface StaticRefs {
  hamlets: SourceRef;
  hamletLabels: SourceRef;
  commune: SourceRef;
  sites: SourceRef;
  cables: SourceRef;
  accessPoints: SourceRef;
  speedtests: SourceRef;
}

/** GeoJSON sources the worker fills in after the package is read or the figures computed. */
export const DYNAMIC_SOURCES = ['coverage', 'footprints', 'sectors', 'pois', 'holes', 'candidate-places', 'candidate-footprints', 'candidate-sites', 'scenario-diff', 'suggestions'] as const;

/** Colours of a scenario comparison: where only A covers, and where only B does (Okabe–Ito blue / vermillion). */
export const COMPARE_COLORS = { a: '#0072B2', b: '#D55E00' } as const;

/** The CSS font family the page ships (self-hosted @fontsource/be-vietnam-pro). MapLibre
 *  draws glyphs locally from it and sniffs the weight from the first name of the stack. */
export const LABEL_FONT = ['Be Vietnam Pro SemiBold', 'Be Vietnam Pro'];

function from(ref: SourceRef): { source: string; 'source-layer'?: string } {
  return ref.sourceLayer ? { source: ref.source, 'source-layer': ref.sourceLayer } : { source: ref.source };
}

/** A carrier's colour as a style expression over a `carrier` property. */
export function carrierColorExpression(): ExpressionSpecification {
  const pairs = Object.entries(CARRIER_COLORS).flat();
  return ['match', ['get', 'carrier'], ...pairs, OTHER_CARRIER_COLOR] as unknown as ExpressionSpecification;
}

/** Speed-measurement colour by `down_mbps` (Mb/s): SPEED_COLORS stepping at SPEED_BREAKS_MBPS, as the legend lists. */
export function speedColorExpression(): ExpressionSpecification {
  const steps: Array<string | number> = [SPEED_COLORS[0]];
  SPEED_BREAKS_MBPS.forEach((limit, i) => steps.push(limit, SPEED_COLORS[i + 1] ?? SPEED_COLORS[0]));
  return ['step', ['to-number', ['get', 'down_mbps'], 0], ...steps] as unknown as ExpressionSpecification;
}

function coverageLayers(tech: '4G' | '5G' | 'fiber', key: LayerKey): LayerSpecification[] {
  const id = `cov-${tech.toLowerCase()}`;
  const filter: ExpressionSpecification = ['all', ['==', ['get', 'layer'], tech], ['==', ['get', 'carrier'], 'all']];
  return [
    { id: `${id}-fill`, type: 'fill', source: 'coverage', filter, metadata: { key }, paint: { 'fill-color': TECH_COLORS[tech], 'fill-opacity': 0.35 } },
    { id: `${id}-line`, type: 'line', source: 'coverage', filter, metadata: { key }, paint: { 'line-color': TECH_COLORS[tech], 'line-width': 1.5 } },
  ];
}

const STATUSES = ['on_air', 'planned', 'candidate'] as const;
/** Outline dashes by status: on air solid, planned dashed, candidate dotted. */
const STATUS_DASH: Record<(typeof STATUSES)[number], number[] | null> = { on_air: null, planned: [3, 2], candidate: [1, 2] };

const statusFilter = (status: (typeof STATUSES)[number]): ExpressionSpecification => ['==', ['get', 'status'], status];

function cellOutline(source: 'sectors' | 'footprints', status: (typeof STATUSES)[number]): LayerSpecification {
  const dash = STATUS_DASH[status];
  return {
    id: `${source === 'sectors' ? 'sector' : 'footprint'}-line-${status}`,
    type: 'line',
    source,
    filter: statusFilter(status),
    metadata: { key: 'sites' },
    paint: {
      'line-color': carrierColorExpression(),
      'line-width': ['match', ['get', 'tech'], '5G', 2, 1.5],
      ...(dash ? { 'line-dasharray': dash } : {}),
    },
  };
}

/** Filters of the footprint layers: the cells of the selected site (null: none is drawn). */
export function footprintFilters(siteId: string | null): Array<{ id: string; filter: ExpressionSpecification }> {
  const ofSite: ExpressionSpecification = siteId === null ? ['literal', false] : ['==', ['to-string', ['get', 'site_id']], siteId];
  return [
    { id: 'footprint-fill', filter: ofSite },
    ...STATUSES.map((status) => ({ id: `footprint-line-${status}`, filter: ['all', statusFilter(status), ofSite] as ExpressionSpecification })),
  ];
}

/** All app layers, bottom to top. Each carries `metadata.key`: the panel toggle it obeys. */
export function appLayers(refs: StaticRefs): LayerSpecification[] {
  const layers: LayerSpecification[] = [
    // Coloured by each hamlet's feature state, set from the figures (style.choroplethStateChanges).
    { id: 'choropleth', type: 'fill', ...from(refs.hamlets), metadata: { key: 'choropleth' }, paint: { 'fill-color': CHOROPLETH_FILL, 'fill-opacity': 0.55 } },
    ...coverageLayers('fiber', 'fiber'),
    ...coverageLayers('4G', 'cov4g'),
    ...coverageLayers('5G', 'cov5g'),
    // Invisible fill so a click anywhere inside a hamlet finds it.
    { id: 'hamlet-fill', type: 'fill', ...from(refs.hamlets), metadata: { key: 'hamlets' }, paint: { 'fill-color': '#000000', 'fill-opacity': 0 } },
    { id: 'uniform-hatch', type: 'fill', ...from(refs.hamlets), filter: ['in', ['get', 'id'], ['literal', []]], metadata: { key: 'holes' }, paint: { 'fill-pattern': HATCH_IMAGE } },
    { id: 'hamlet-line', type: 'line', ...from(refs.hamlets), metadata: { key: 'hamlets' }, paint: { 'line-color': '#333333', 'line-width': 1 } },
    // The hamlet selected in the table (style.ts's selectedHamletFilter names it).
    { id: 'hamlet-selected', type: 'line', ...from(refs.hamlets), filter: ['literal', false], metadata: { key: 'hamlets' }, paint: { 'line-color': '#e65100', 'line-width': 4 } },
    { id: 'commune-line', type: 'line', ...from(refs.commune), metadata: { key: null }, paint: { 'line-color': '#111111', 'line-width': 3 } },
    // Every footprint at once would cover the commune in overlapping circles: the site
    // layer draws a short wedge per sector, and the footprints of the selected site only.
    { id: 'footprint-fill', type: 'fill', source: 'footprints', metadata: { key: 'sites' }, paint: { 'fill-color': carrierColorExpression(), 'fill-opacity': 0.12 } },
    ...STATUSES.map((status) => cellOutline('footprints', status)),
    {
      id: 'sector-fill',
      type: 'fill',
      source: 'sectors',
      metadata: { key: 'sites' },
      paint: { 'fill-color': carrierColorExpression(), 'fill-opacity': ['match', ['get', 'status'], 'on_air', 0.55, 'planned', 0.2, 0] },
    },
    ...STATUSES.map((status) => cellOutline('sectors', status)),
    { id: 'cables', type: 'line', ...from(refs.cables), metadata: { key: 'fiberNet' }, paint: { 'line-color': TECH_COLORS.fiber, 'line-width': 2, 'line-dasharray': [4, 1] } },
    {
      id: 'access-points',
      type: 'circle',
      ...from(refs.accessPoints),
      metadata: { key: 'fiberNet' },
      paint: { 'circle-radius': 4, 'circle-color': TECH_COLORS.fiber, 'circle-stroke-color': '#4d3300', 'circle-stroke-width': 1 },
    },
    {
      // A large package's holes come as grid squares (worker/overlays.ts holeFeatures):
      // darker where more people are uncovered.
      id: 'holes-grid',
      type: 'fill',
      source: 'holes',
      filter: ['==', ['geometry-type'], 'Polygon'],
      metadata: { key: 'holes' },
      paint: {
        'fill-color': HOLE_COLOR,
        'fill-opacity': ['interpolate', ['linear'], ['to-number', ['get', 'pop'], 0], 0, 0.15, 500, 0.75],
        'fill-outline-color': '#ffffff',
      },
    },
    {
      id: 'holes',
      type: 'circle',
      source: 'holes',
      filter: ['==', ['geometry-type'], 'Point'],
      metadata: { key: 'holes' },
      paint: {
        // Area proportional to people: radius grows with the square root of pop.
        'circle-radius': ['max', 2, ['*', 1.2, ['sqrt', ['to-number', ['get', 'pop'], 0]]]],
        'circle-color': HOLE_COLOR,
        'circle-opacity': 0.55,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 0.5,
      },
    },
    {
      id: 'speedtests',
      type: 'circle',
      ...from(refs.speedtests),
      metadata: { key: 'speedtests' },
      paint: { 'circle-radius': 4.5, 'circle-color': speedColorExpression(), 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 },
    },
    {
      id: 'sites',
      type: 'circle',
      ...from(refs.sites),
      metadata: { key: 'sites' },
      paint: {
        'circle-radius': ['case', ['in', '5G', ['to-string', ['get', 'tech']]], 7, 5.5],
        // On air: solid; planned: pale fill; candidate: hollow ring.
        'circle-color': carrierColorExpression(),
        'circle-opacity': ['match', ['get', 'status'], 'on_air', 1, 'planned', 0.35, 0],
        'circle-stroke-color': carrierColorExpression(),
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'pois',
      type: 'symbol',
      source: 'pois',
      metadata: { key: 'pois' },
      // The icon follows the chosen metric (poiIconExpression) once the figures arrive.
      layout: { 'icon-image': POI_UNCOVERED_IMAGE, 'icon-allow-overlap': true, 'icon-ignore-placement': true },
    },
    ...plannerLayers(),
    {
      id: 'hamlet-labels',
      type: 'symbol',
      ...from(refs.hamletLabels),
      metadata: { key: 'hamlets' },
      layout: { 'text-field': ['get', 'name'], 'text-font': LABEL_FONT, 'text-size': 13, 'text-max-width': 8 },
      paint: { 'text-color': '#111111', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
    },
  ];
  const filters = new Map(footprintFilters(null).map(({ id, filter }) => [id, filter]));
  return layers.map((layer) => {
    const filter = filters.get(layer.id);
    return filter ? ({ ...layer, filter } as LayerSpecification) : layer;
  });
}

/** The planner's layers: candidate places, candidate footprints and the draggable candidate sites, and a comparison's differences. */
function plannerLayers(): LayerSpecification[] {
  return [
    {
      id: 'scenario-diff',
      type: 'circle',
      source: 'scenario-diff',
      metadata: { key: 'candidates' },
      paint: {
        'circle-radius': ['max', 2.5, ['*', 1.4, ['sqrt', ['to-number', ['get', 'pop'], 0]]]],
        'circle-color': ['match', ['get', 'coveredBy'], 'a', COMPARE_COLORS.a, COMPARE_COLORS.b],
        'circle-opacity': 0.75,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 0.5,
      },
    },
    {
      id: 'candidate-footprint-fill',
      type: 'fill',
      source: 'candidate-footprints',
      metadata: { key: 'candidates' },
      paint: { 'fill-color': carrierColorExpression(), 'fill-opacity': 0.14 },
    },
    {
      id: 'candidate-footprint-line',
      type: 'line',
      source: 'candidate-footprints',
      metadata: { key: 'candidates' },
      paint: { 'line-color': carrierColorExpression(), 'line-width': 2, 'line-dasharray': [2, 1.5] },
    },
    {
      // Where a site may go: small hollow squares, so they do not read as sites.
      id: 'candidate-places',
      type: 'circle',
      source: 'candidate-places',
      metadata: { key: 'candidates' },
      paint: { 'circle-radius': 4, 'circle-color': '#ffffff', 'circle-stroke-color': '#333333', 'circle-stroke-width': 1.5 },
    },
    {
      // Suggested sites not yet accepted: dashed-looking rings numbered by rank.
      id: 'suggestions',
      type: 'circle',
      source: 'suggestions',
      metadata: { key: 'candidates' },
      paint: { 'circle-radius': 9, 'circle-color': '#fff8e1', 'circle-stroke-color': '#8a6d00', 'circle-stroke-width': 2 },
    },
    {
      id: 'suggestion-labels',
      type: 'symbol',
      source: 'suggestions',
      metadata: { key: 'candidates' },
      layout: { 'text-field': ['concat', '#', ['to-string', ['get', 'rank']]], 'text-font': LABEL_FONT, 'text-size': 11, 'text-allow-overlap': true },
      paint: { 'text-color': '#3b2a00' },
    },
    {
      id: 'candidate-sites',
      type: 'circle',
      source: 'candidate-sites',
      metadata: { key: 'candidates' },
      paint: {
        'circle-radius': ['case', ['boolean', ['get', 'selected'], false], 10, 8],
        'circle-color': '#ffffff',
        'circle-stroke-color': carrierColorExpression(),
        'circle-stroke-width': ['case', ['boolean', ['get', 'selected'], false], 4, 3],
      },
    },
    {
      id: 'candidate-labels',
      type: 'symbol',
      source: 'candidate-sites',
      metadata: { key: 'candidates' },
      layout: { 'text-field': ['concat', ['get', 'tech'], ' ', ['get', 'site_id']], 'text-font': LABEL_FONT, 'text-size': 12, 'text-offset': [0, 1.4], 'text-anchor': 'top' },
      paint: { 'text-color': '#111111', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
    },
  ];
}

/** POI marker by whether the chosen technology covers it (`cov_<share key>` property). */
export function poiIconExpression(shareKey: string): ExpressionSpecification {
  return ['case', ['to-boolean', ['get', `cov_${shareKey}`]], POI_COVERED_IMAGE, POI_UNCOVERED_IMAGE];
}

/** Filter of a coverage layer for one carrier, or the combined union when `carrier` is 'all'. */
export function coverageFilter(tech: '4G' | '5G' | 'fiber', carrier: string): ExpressionSpecification {
  return ['all', ['==', ['get', 'layer'], tech], ['==', ['get', 'carrier'], carrier]];
}

/** Which toggle a layer obeys (null: always shown). */
export function layerKeyOf(layer: LayerSpecification): LayerKey | null {
  const metadata = layer.metadata as { key?: LayerKey | null } | undefined;
  return metadata?.key ?? null;
}
