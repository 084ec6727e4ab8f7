import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LANGS } from '../i18n/vocab.ts';
import { LAYER_KEYS, type LayerKey } from '../map/layers.ts';
import { CHOROPLETH_METRICS, DEFAULT_VIEW, TABS, decodeView, encodeView, type ViewState } from './view-codec.ts';

/** A v1 hash made with Node's zlib, independently of the codec and of fflate. */
const v1Hash = (doc: unknown) => `#v1=${deflateRawSync(JSON.stringify(doc)).toString('base64url')}`;

const layersArb = fc.record(Object.fromEntries(LAYER_KEYS.map((k) => [k, fc.boolean()])) as Record<LayerKey, fc.Arbitrary<boolean>>);
const viewArb: fc.Arbitrary<ViewState> = fc.record({
  year: fc.option(fc.integer({ min: 1000, max: 9999 }), { nil: null }),
  lang: fc.constantFrom(...LANGS),
  metric: fc.constantFrom(...CHOROPLETH_METRICS),
  carrier: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
  layers: layersArb,
  tab: fc.constantFrom(...TABS),
  map: fc.option(
    fc.record({
      center: fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }).map((v) => v + 0), fc.double({ min: -90, max: 90, noNaN: true }).map((v) => v + 0)),
      zoom: fc.double({ min: 0, max: 24, noNaN: true }).map((v) => v + 0),
    }),
    { nil: null },
  ),
  hamlet: fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: null }),
});

describe('encodeView / decodeView', () => {
  it('round-trips any view without problems', () => {
    fc.assert(
      fc.property(viewArb, (view) => {
        const hash = encodeView(view);
        expect(hash).toMatch(/^#v2=[A-Za-z0-9_-]+$/);
        expect(decodeView(hash)).toEqual({ view, candidates: [], problems: [] });
      }),
    );
  });

  it('reads a v1 link written by hand (the format is pinned)', () => {
    // Made with: node -e "console.log(require('zlib').deflateRawSync(JSON.stringify({year:2026,lang:'en',metric:'fiber',
    //   carrier:'Viettel',layers:{hamlets:true,choropleth:false,cov4g:false,cov5g:true,fiber:false,sites:true,fiberNet:false,
    //   pois:true,holes:false,speedtests:false},tab:'targets'})).toString('base64url'))"
    const hash =
      '#v1=VY7BCsIwGIPfJeceRNTD_xAevXcz6wrdOv7-CmPs3aVIhx6TLyHZsNIr5Hw63xySnwMEnOEw0TT2EAyxo8Kh96qRCsEj0owJtbBSC2TD6KdEKxDTFx36MWteEm2EDD6VauX3Jfyqa2jp70RDJRrLH7rTDrrkeMAxp5psvYV8Gos1a3cw30FgXkM9t38A';
    expect(decodeView(hash)).toEqual({
      view: {
        year: 2026,
        lang: 'en',
        metric: 'fiber',
        carrier: 'Viettel',
        layers: { ...DEFAULT_VIEW.layers, choropleth: false, cov5g: true },
        tab: 'targets',
      },
      problems: [],
    });
  });

  it('writes every field as raw-DEFLATE JSON in base64url', () => {
    const view: ViewState = { ...DEFAULT_VIEW, year: 2030, carrier: 'VNPT', layers: { ...DEFAULT_VIEW.layers, holes: true } };
    const payload = encodeView(view).replace(/^#v2=/, '');
    expect(JSON.parse(inflateRawSync(Buffer.from(payload, 'base64url')).toString('utf8'))).toEqual({ ...view, candidates: [] });
  });

  it('opens an empty hash as the default view, silently', () => {
    expect(decodeView('')).toEqual({ view: {}, problems: [] });
    expect(decodeView('#')).toEqual({ view: {}, problems: [] });
  });

  it('ignores garbage with one message and never throws', () => {
    const doc = { year: 2026 };
    for (const hash of ['#hello', '#v1=', '#v1=!!notbase64', '#v1=AAAA', v1Hash(doc).slice(0, -3), `#v1=${Buffer.from('{"year":2026}').toString('base64url')}`]) {
      const { view, problems } = decodeView(hash);
      expect(view, hash).toEqual({});
      expect(problems, hash).toHaveLength(1);
    }
    for (const doc of [[1, 2], 'text', null, 42]) {
      expect(decodeView(v1Hash(doc)).view).toEqual({});
      expect(decodeView(v1Hash(doc)).problems[0]).toMatch(/expected a JSON object/);
    }
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.uint8Array({ maxLength: 300 }).map((bytes) => `#v1=${Buffer.from(bytes).toString('base64url')}`),
        ),
        (hash) => {
          const { view } = decodeView(hash);
          expect(Object.keys(view).every((k) => k in DEFAULT_VIEW)).toBe(true);
        },
      ),
    );
  });

  it('names an unknown version and falls back to defaults', () => {
    expect(decodeView(`#v3=${v1Hash({ year: 2026 }).slice(4)}`)).toEqual({
      view: {},
      problems: ['View link version 3: this app reads versions 1 to 2; the default view is shown'],
    });
  });

  it('keeps the valid fields of a partial or damaged view', () => {
    const { view, problems } = decodeView(
      v1Hash({ year: 2027.5, lang: 'fr', metric: 'fiber_1g', carrier: '', tab: 'settings', zoom: 14, layers: { holes: true, sites: 'yes', traffic: true } }),
    );
    expect(view).toEqual({ metric: 'fiber_1g', layers: { ...DEFAULT_VIEW.layers, holes: true } });
    expect(problems).toEqual([
      'View link: unknown field "zoom" ignored',
      'View link: year 2027.5 ignored; expected a four-digit year or null',
      'View link: lang "fr" ignored; expected one of vi, en',
      'View link: carrier "" ignored; expected a carrier name or "all"',
      'View link: tab "settings" ignored; expected one of overview, targets, hamlets, measured, planner',
      'View link: layer sites "yes" ignored; expected true or false',
      'View link: unknown layer "traffic" ignored',
    ]);
  });

  it('reads year null as on-air only and leaves out what the link does not say', () => {
    expect(decodeView(v1Hash({ year: null, tab: 'measured' }))).toEqual({ view: { year: null, tab: 'measured' }, problems: [] });
    expect(decodeView(v1Hash({ layers: 'all' })).problems).toEqual(['View link: layers "all" ignored; expected an object of layer names to true/false']);
  });
});
