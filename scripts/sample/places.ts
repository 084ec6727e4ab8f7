// Points of interest, candidate places for new sites, and carrier-supplied coverage
// polygons. Names are Vietnamese, as a commune office would write them.
import { polygon } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import type { CandidateKind, LonLat, PoiType } from '../../src/lib/engine/types.ts';
import { add, heading, toLonLat, type XY } from './frame.ts';
import type { HamletDraft } from './hamlets.ts';
import type { Rng } from './prng.ts';
import type { Settlement } from './settlements.ts';

export interface SamplePoi {
  id: string;
  type: PoiType;
  name: string;
  lonLat: LonLat;
}

export interface SampleCandidate {
  id: string;
  name: string;
  kind: CandidateKind;
  maxHeightM: number;
  lonLat: LonLat;
}

/** An irregular closed ring of about `radiusM` round `centre` (local metres in, [lon, lat] out). */
export function blob(centre: XY, radiusM: number, rng: Rng): Feature<Polygon> {
  const p1 = rng.range(0, 2 * Math.PI);
  const p2 = rng.range(0, 2 * Math.PI);
  const ring: LonLat[] = [];
  for (let i = 0; i < 48; i++) {
    const azDeg = (360 * i) / 48;
    const t = (azDeg * Math.PI) / 180;
    const r = radiusM * (1 + 0.18 * Math.sin(2 * t + p1) + 0.1 * Math.sin(5 * t + p2));
    ring.push(toLonLat(add(centre, heading(azDeg), r)));
  }
  ring.push(ring[0] as LonLat);
  return polygon([ring]);
}

/** HQ, schools, health station and one culture house per hamlet (at its core). */
export function samplePois(hq: XY, hamlets: readonly HamletDraft[], settlements: readonly Settlement[], along: (road: number, distM: number) => XY): SamplePoi[] {
  const core = (name: string) => {
    const i = hamlets.findIndex((h) => h.name === name);
    return (settlements[i] as Settlement).core;
  };
  const pois: Omit<SamplePoi, 'id'>[] = [
    { type: 'commune_hq', name: 'Ủy ban nhân dân xã Nam Hoà', lonLat: toLonLat(hq) },
    { type: 'school', name: 'Trường Mầm non Nam Hoà', lonLat: toLonLat(along(3, 450)) },
    { type: 'school', name: 'Trường Tiểu học Nam Hoà', lonLat: toLonLat(along(0, 6900)) },
    { type: 'school', name: 'Trường THCS Nam Hoà', lonLat: toLonLat(along(0, 6150)) },
    { type: 'school', name: 'Trường Tiểu học và THCS Cây Thị', lonLat: toLonLat(add(core('Xóm Cây Thị 1'), [120, 60])) },
    { type: 'health', name: 'Trạm Y tế xã Nam Hoà', lonLat: toLonLat(along(3, 900)) },
    { type: 'health', name: 'Điểm y tế Cây Thị', lonLat: toLonLat(add(core('Xóm Cây Thị 1'), [-90, 140])) },
    { type: 'other', name: 'Bưu điện văn hoá xã Nam Hoà', lonLat: toLonLat(along(3, 650)) },
    ...hamlets.map((h) => ({
      type: 'culture_house' as const,
      name: `Nhà văn hoá ${h.name.replace('Xóm', 'xóm')}`,
      lonLat: toLonLat(add(core(h.name), [25, -20])),
    })),
  ];
  return pois.map((p, i) => ({ ...p, name: p.name.normalize('NFC'), id: `poi${String(i + 1).padStart(2, '0')}` }));
}

/** Places a new site could go, mostly in poorly served Cây Thị. */
export function sampleCandidates(hamlets: readonly HamletDraft[], settlements: readonly Settlement[], rng: Rng): SampleCandidate[] {
  const core = (name: string) => (settlements[hamlets.findIndex((h) => h.name === name)] as Settlement).core;
  const jitter = (p: XY, m: number): XY => add(p, [rng.normal(), rng.normal()], m);
  const list: Omit<SampleCandidate, 'id'>[] = [
    { name: 'Đất công nhà văn hoá xóm Cây Thị 2', kind: 'public_land', maxHeightM: 40, lonLat: toLonLat(jitter(core('Xóm Cây Thị 2'), 60)) },
    { name: 'Đồi chè xóm Cây Thị 5 (đất UBND quản lý)', kind: 'public_land', maxHeightM: 45, lonLat: toLonLat(jitter(core('Xóm Cây Thị 5'), 300)) },
    { name: 'Cột phát thanh xóm Cây Thị 6', kind: 'existing_tower', maxHeightM: 30, lonLat: toLonLat(jitter(core('Xóm Cây Thị 6'), 80)) },
    { name: 'Đất công xóm Cây Thị 7', kind: 'public_land', maxHeightM: 40, lonLat: toLonLat(jitter(core('Xóm Cây Thị 7'), 150)) },
    { name: 'Mái Trường Tiểu học và THCS Cây Thị', kind: 'rooftop', maxHeightM: 18, lonLat: toLonLat(add(core('Xóm Cây Thị 1'), [120, 60])) },
    { name: 'Đất công xóm Cây Thị 8', kind: 'public_land', maxHeightM: 40, lonLat: toLonLat(jitter(core('Xóm Cây Thị 8'), 120)) },
    { name: 'Cột điện lực 35 kV xóm Gò Trẹo', kind: 'existing_tower', maxHeightM: 32, lonLat: toLonLat(jitter(core('Xóm Gò Trẹo'), 150)) },
    { name: 'Mái nhà văn hoá xóm Bờ Suối', kind: 'rooftop', maxHeightM: 15, lonLat: toLonLat(add(core('Xóm Bờ Suối'), [25, -20])) },
  ];
  return list.map((c, i) => ({ ...c, name: c.name.normalize('NFC'), id: `cand${String(i + 1).padStart(2, '0')}` }));
}
