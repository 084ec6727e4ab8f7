// Hamlets: the tiling of the two old communes, their names and census counts.
// Old Nam Hoà keeps the 22 hamlet names recorded in 2005 (the 2019 mergers are not
// modelled); Cây Thị's hamlet names are not known here, so they get generic ones.
import type { LonLat } from '../../src/lib/engine/types.ts';
import { dist, toLonLat, toXY, type XY } from './frame.ts';
import type { Outline } from './outline.ts';
import { apportion, type Rng } from './prng.ts';
import { tilePart } from './tiling.ts';
import { checkTopology, cleanTiling, fromIntRing, toIntRing } from './topology.ts';

export const POPULATION = { commune: 16237, namHoa: 12209, cayThi: 4028 } as const;

const NAM_HOA_NAMES = [
  'Đầm Ninh', 'Đầm Diềm', 'Đầm Cỏ', 'Trung Lợi', 'Na Tranh', 'Na Quán', 'Ba Cóc', 'Con Phượng',
  'Trại Gião', 'Gò Trẹo', 'Cầu Đất', 'Trại Gai', 'Quang Trung', 'Đồng Chắn', 'Đồng Mỏ',
  'Quang Minh', 'Ao Sen', 'Mỹ Lập', 'Gốc Thị', 'Chí Son', 'Bờ Suối', 'Mới',
];
const CAY_THI_COUNT = 8;

export type Part = 'namHoa' | 'cayThi';

export interface HamletDraft {
  id: string;
  name: string;
  part: Part;
  /** Closed outer ring in [lon, lat], counter-clockwise, shared edges identical. */
  ring: LonLat[];
  /** The same ring in local metres (for fast planar tests while generating). */
  ringXY: XY[];
  /** Where the Voronoi seed ended up: near the hamlet's middle. */
  seed: XY;
  population: number;
  households: number;
  adults: number;
  esignAdults: number;
}

function bearingFromHq([x, y]: XY): number {
  return (Math.atan2(x, y) * 180) / Math.PI + 180;
}

/** Tiles both parts, names the hamlets and draws census counts summing to the published totals. */
export function buildHamlets(outline: Outline, rng: Rng): HamletDraft[] {
  const namHoa = tilePart(outline.namHoa[0] as XY[], NAM_HOA_NAMES.length, rng);
  const cayThi = tilePart(outline.cayThi[0] as XY[], CAY_THI_COUNT, rng);
  const rings = cleanTiling([...namHoa.rings, ...cayThi.rings].map((r) => toIntRing(r.map(toLonLat))));
  checkTopology(rings);
  const cells = rings.map((r, i) => {
    const part: Part = i < namHoa.rings.length ? 'namHoa' : 'cayThi';
    const seed = (part === 'namHoa' ? namHoa.seeds[i] : cayThi.seeds[i - namHoa.rings.length]) as XY;
    return { ring: fromIntRing(r), part, seed };
  });
  // Old Nam Hoà: a clockwise sweep round the HQ keeps the "Đầm …" hamlets together.
  // Cây Thị: numbered outwards from the HQ.
  const nh = cells.filter((c) => c.part === 'namHoa').sort((a, b) => bearingFromHq(a.seed) - bearingFromHq(b.seed));
  const ct = cells.filter((c) => c.part === 'cayThi').sort((a, b) => dist(a.seed, [0, 0]) - dist(b.seed, [0, 0]));
  // Central hamlets of old Nam Hoà are the most populous; Cây Thị's vary less.
  const nhPop = apportion(
    POPULATION.namHoa,
    nh.map((c) => (1 + 2.6 * Math.exp(-((dist(c.seed, [0, 0]) / 2000) ** 2))) * rng.range(0.8, 1.2)),
  );
  const ctPop = apportion(POPULATION.cayThi, ct.map(() => rng.range(0.7, 1.3)));
  const named = [
    ...nh.map((c, i) => ({ ...c, name: `Xóm ${NAM_HOA_NAMES[i]}`, population: nhPop[i] as number })),
    ...ct.map((c, i) => ({ ...c, name: `Xóm Cây Thị ${i + 1}`, population: ctPop[i] as number })),
  ];
  return named.map((c, i) => {
    const adults = Math.round(c.population * rng.range(0.67, 0.73));
    // E-signature uptake: lower in hilly, remote Cây Thị.
    const esignShare = c.part === 'namHoa' ? rng.range(0.56, 0.72) : rng.range(0.38, 0.52);
    return {
      id: `h${String(i + 1).padStart(2, '0')}`,
      name: c.name.normalize('NFC'),
      part: c.part,
      ring: c.ring,
      ringXY: c.ring.map(toXY),
      seed: c.seed,
      population: c.population,
      households: Math.round(c.population / rng.range(3.6, 4.0)),
      adults,
      esignAdults: Math.round(adults * esignShare),
    };
  });
}
