// Plausible ranges of every numeric field of a data package: outside the hard bounds a
// value is physically impossible (or a unit mistake) and is an error; outside the usual
// bounds it is legal but unusual and gets a warning. One table for the loaders (data/),
// the planner's scenario cells (scenario-cell.ts) and the propagation model's callers,
// so a value the loader refuses is refused in the planner too, with the same words.
// docs/data-package-ranges.md lists the table with the reasons; keep the two together.

export interface PlausibleRange {
  /** What the value is, for messages: "an EIRP". */
  what: string;
  /** Unit written after numbers, e.g. "MHz"; empty for plain counts and shares. */
  unit: string;
  integer?: boolean;
  min: number;
  minExclusive?: boolean;
  max: number;
  maxExclusive?: boolean;
  /** Why a value outside min..max is impossible (source of the bounds). */
  why: string;
  /** Legal values outside usualMin..usualMax get a warning. */
  usualMin: number;
  usualMax: number;
  /** Why a value outside the usual bounds deserves a second look. */
  usualWhy: string;
}

export type RangeVerdict = { severity: 'error' | 'warning'; message: string } | null;

const YEAR: PlausibleRange = {
  what: 'an integer year',
  unit: '',
  integer: true,
  min: 1990,
  max: 2100,
  why: 'no digital network in Vietnam predates 1990, and plans do not reach past 2100',
  usualMin: 2000,
  usualMax: 2050,
  usualWhy: 'the plans this app checks run to 2030',
};

const ANTENNA_HEIGHT: PlausibleRange = {
  what: 'an antenna height above ground',
  unit: 'm',
  min: 0,
  minExclusive: true,
  max: 700,
  why: 'the tallest masts in the world stand about 630 m; a larger figure is in feet or above sea level',
  usualMin: 5,
  usualMax: 150,
  usualWhy: 'BTS towers and rooftop poles stand about 5–150 m above ground',
};

const SPEED_MBPS: PlausibleRange = {
  what: 'a speed',
  unit: 'Mb/s',
  min: 0,
  max: 100_000,
  why: 'no access network sold to homes or phones reaches 100 Gb/s',
  usualMin: 0,
  usualMax: 10_000,
  usualWhy: 'the fastest fixed (XGS-PON) and mobile links top out near 10 Gb/s',
};

const PEOPLE: PlausibleRange = {
  what: 'a whole number of people',
  unit: '',
  integer: true,
  min: 0,
  max: 1_000_000,
  why: 'no Vietnamese commune or ward has a million people; a larger figure is a unit or column mistake',
  usualMin: 0,
  usualMax: 20_000,
  usualWhy: 'a hamlet (xóm, thôn) has a few hundred to a few thousand people',
};

/** The fields of a cell (sites.csv, sites.geojson, planner scenario cells). */
export const CELL_RANGES = {
  lon: { what: 'a longitude', unit: '', min: -180, max: 180, why: 'WGS84 longitudes run −180..180', usualMin: -180, usualMax: 180, usualWhy: '' },
  lat: { what: 'a latitude', unit: '', min: -90, max: 90, why: 'WGS84 latitudes run −90..90', usualMin: -90, usualMax: 90, usualWhy: '' },
  band_mhz: {
    what: 'a 4G/5G band',
    unit: 'MHz',
    min: 400,
    max: 71_000,
    why: '3GPP LTE and NR operating bands lie between 410 MHz (band 87) and 71 GHz (n263)',
    usualMin: 600,
    usualMax: 6000,
    usualWhy: 'bands in use in Vietnam lie in 700–3800 MHz; mmWave is rare (a typo, such as 18000 for 1800?)',
  },
  height_m: ANTENNA_HEIGHT,
  azimuth_deg: {
    what: 'an azimuth',
    unit: 'degrees',
    min: -360,
    max: 720,
    why: 'a bearing more than one turn outside 0..360 is not a bearing',
    usualMin: 0,
    usualMax: 360,
    usualWhy: 'it is taken modulo 360',
  },
  beamwidth_deg: {
    what: 'a beamwidth',
    unit: 'degrees',
    min: 0,
    minExclusive: true,
    max: 360,
    why: '360 degrees is a full turn, an omni cell',
    usualMin: 15,
    usualMax: 360,
    usualWhy: 'sector antennas are 30–120° wide; a narrower beam is a point-to-point link, not a cell',
  },
  eirp_dbm: {
    what: 'an EIRP',
    unit: 'dBm',
    min: 0,
    max: 90,
    why: '90 dBm is 1 MW, ten times the strongest massive-MIMO 5G sector (≈ 78 dBm); 0 dBm is 1 mW, below any femtocell',
    usualMin: 30,
    usualMax: 80,
    usualWhy: 'macro sectors radiate about 55–75 dBm and small cells about 30–45 dBm',
  },
  range_m: {
    what: 'a cell range',
    unit: 'm',
    min: 0,
    minExclusive: true,
    max: 100_000,
    why: "LTE and NR timing advance stops at about 100 km (3GPP TS 36.211 / 38.211)",
    usualMin: 50,
    usualMax: 35_000,
    usualWhy: 'rural macro cells reach a few kilometres; beyond 35 km only extended-range cells over sea or desert',
  },
  on_air_year: YEAR,
} as const satisfies Record<string, PlausibleRange>;

/** The first year a network of each technology went on air anywhere (TeliaSonera LTE, Dec 2009; NR, Apr 2019). */
export const FIRST_ON_AIR_YEAR = { '4G': 2009, '5G': 2019 } as const;

/** Fields of the other files. */
export const RANGES = {
  hamlet_coverage_threshold: {
    what: 'a share',
    unit: '',
    min: 0,
    max: 1,
    why: "a share: 0.9 means 90% of a hamlet's people",
    usualMin: 0.5,
    usualMax: 1,
    usualWhy: 'below 0.5 a hamlet where most people are not covered counts as covered',
  },
  people: PEOPLE,
  population_weight: {
    ...PEOPLE,
    what: 'a population weight',
    integer: false,
    usualWhy: 'a settlement point stands for a house or a cluster of houses, not a town',
  },
  raster_cell_people: {
    ...PEOPLE,
    what: 'a raster cell count',
    integer: false,
    usualMax: 50_000,
    usualWhy: 'even a 1 km cell of the densest city holds fewer people',
  },
  elevation_m: {
    what: 'an elevation',
    unit: 'm',
    min: -500,
    max: 9000,
    why: 'the Dead Sea shore (−430 m) and Everest (8849 m) bound the land',
    usualMin: -100,
    usualMax: 3200,
    usualWhy: "Vietnam's land lies between sea level and Fansipan (3143 m)",
  },
  max_mbps: { ...SPEED_MBPS, min: 0, minExclusive: true, usualMin: 10, what: 'a fiber plan speed', usualWhy: 'fiber plans run from 10 Mb/s to 10 Gb/s (XGS-PON)' },
  reach_m: {
    what: 'an access point reach',
    unit: 'm',
    min: 0,
    minExclusive: true,
    max: 20_000,
    why: 'GPON reaches 20 km from the exchange (ITU-T G.984); a splitter box serves far less',
    usualMin: 20,
    usualMax: 1000,
    usualWhy: 'drop cables from a splitter box rarely run past 1 km',
  },
  max_height_m: { ...ANTENNA_HEIGHT, what: 'a height limit' },
  down_mbps: SPEED_MBPS,
  up_mbps: SPEED_MBPS,
  latency_ms: {
    what: 'a latency',
    unit: 'ms',
    min: 0,
    max: 60_000,
    why: 'a test that waits a minute has timed out',
    usualMin: 1,
    usualMax: 2000,
    usualWhy: 'even geostationary satellite links answer within about a second',
  },
  year: YEAR,
} as const satisfies Record<string, PlausibleRange>;

/** A number as a person writes it: a real minus sign, and thousands apart (71 000). */
export function showQuantity(n: number, unit = ''): string {
  const abs = Math.abs(n);
  const digits = Number.isInteger(abs) && abs >= 10_000 ? abs.toLocaleString('en-US').replace(/,/g, ' ') : String(abs);
  const text = `${n < 0 ? '−' : ''}${digits}`;
  return unit === '' ? text : `${text} ${unit}`;
}

/** "0..90 dBm", "(0, 360] degrees": the hard bounds of a range. */
export function describeBounds(r: PlausibleRange): string {
  const n = (v: number) => showQuantity(v);
  const unit = r.unit === '' ? '' : ` ${r.unit}`;
  if (!r.minExclusive && !r.maxExclusive) return `${n(r.min)}..${n(r.max)}${unit}`;
  return `${r.minExclusive ? '(' : '['}${n(r.min)}, ${n(r.max)}${r.maxExclusive ? ')' : ']'}${unit}`;
}

/** "an EIRP in 0..90 dBm", "an integer year in 1990..2100". */
export function describeRange(r: PlausibleRange): string {
  return `${r.what} in ${describeBounds(r)}`;
}

/** Whether a finite number lies within the hard bounds (and is an integer where required). */
export function inRange(r: PlausibleRange, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  if (r.integer && !Number.isInteger(value)) return false;
  if (r.minExclusive ? value <= r.min : value < r.min) return false;
  return r.maxExclusive ? value < r.max : value <= r.max;
}

/**
 * The verdict on a value: an error outside the hard bounds ("got 5000 dBm; expected an
 * EIRP in 0..90 dBm: 90 dBm is 1 MW…"), a warning outside the usual ones, else null.
 */
export function checkRange(r: PlausibleRange, value: number): RangeVerdict {
  if (!inRange(r, value)) {
    return { severity: 'error', message: `got ${Number.isFinite(value) ? showQuantity(value, r.unit) : String(value)}; expected ${describeRange(r)}: ${r.why}` };
  }
  if (value < r.usualMin || value > r.usualMax) {
    const usual = `${showQuantity(r.usualMin)}..${showQuantity(r.usualMax, r.unit)}`;
    return { severity: 'warning', message: `${showQuantity(value, r.unit)} is unusual; usually ${usual}: ${r.usualWhy}` };
  }
  return null;
}
