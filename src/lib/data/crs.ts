// Coordinate reference systems a package file may declare, and conversion to WGS84
// lon/lat with proj4.
//
// VN-2000 (EPSG:4756) uses the WGS84 ellipsoid; its datum shift to WGS84 is the official
// 7-parameter transformation of Circular 973/2001/TT-TCĐC (EPSG:6960, "VN-2000 to WGS 84
// (2)"). EPSG publishes it in the *coordinate frame* convention: rotations
// rx −0.00928836″, ry +0.01975479″, rz −0.00427372″. proj4's +towgs84 uses the
// *position vector* convention, which flips the rotation signs, hence the values below.
// Checked against PROJ 9.1 (`projinfo EPSG:9213 -o PROJ` prints this +towgs84 exactly,
// and `cs2cs EPSG:4326 EPSG:9213` agrees with our conversion to < 1 mm; see crs.test.ts).
import proj4 from 'proj4';

export const VN2000_TOWGS84 =
  '-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278';

export interface Crs {
  /** A readable name, e.g. `VN-2000 / TM-3 106-30`. */
  readonly name: string;
  /** True when coordinates already are WGS84 lon/lat (no conversion). */
  readonly isWgs84: boolean;
  /** True for lon/lat systems (degrees), false for projected ones (metres). */
  readonly geographic: boolean;
  /** (x, y) in this CRS → [lon, lat] WGS84; non-finite numbers when it cannot convert. */
  toWgs84(x: number, y: number): [number, number];
  /** [lon, lat] WGS84 → (x, y) in this CRS (for tests and exports). */
  fromWgs84(lon: number, lat: number): [number, number];
}

export const WGS84: Crs = {
  name: 'WGS84 (EPSG:4326)',
  isWgs84: true,
  geographic: true,
  toWgs84: (x, y) => [x, y],
  fromWgs84: (lon, lat) => [lon, lat],
};

/** A Crs converting with proj4 from a PROJ definition; unprojectable points become NaN. */
export function fromProj(name: string, def: string, geographic: boolean): Crs {
  const converter = proj4(def, 'EPSG:4326');
  return {
    name,
    isWgs84: false,
    geographic,
    toWgs84(x, y) {
      try {
        const [lon, lat] = converter.forward([x, y]);
        return [lon ?? NaN, lat ?? NaN];
      } catch {
        return [NaN, NaN];
      }
    },
    fromWgs84(lon, lat) {
      const [x, y] = converter.inverse([lon, lat]);
      return [x ?? NaN, y ?? NaN];
    },
  };
}

const VN2000_GEOG = `+proj=longlat +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +no_defs`;

function vn2000Utm(zone: 48 | 49): Crs {
  return fromProj(
    `VN-2000 / UTM zone ${zone}N (EPSG:${zone === 48 ? 3405 : 3406})`,
    `+proj=utm +zone=${zone} +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +units=m +no_defs`,
    false,
  );
}

/** VN-2000 local TM-3 zone: central meridian in decimal degrees, k0 0.9999, FE 500 000 m. */
export function vn2000Tm3(centralMeridianDeg: number): Crs {
  const deg = Math.floor(centralMeridianDeg + 1e-9);
  const min = Math.round((centralMeridianDeg - deg) * 60);
  const name = `VN-2000 / TM-3 ${deg}-${String(min).padStart(2, '0')}`;
  return fromProj(
    name,
    `+proj=tmerc +lat_0=0 +lon_0=${centralMeridianDeg} +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +units=m +no_defs`,
    false,
  );
}

/** EPSG codes of the VN-2000 TM-3 zones (EPSG 9205–9218, 5896–5899) → central meridian. */
const VN2000_TM3_EPSG: Record<number, number> = {
  5896: 102,
  5897: 105,
  5898: 108,
  5899: 107.75,
  9205: 103,
  9206: 104,
  9207: 104.5,
  9208: 104.75,
  9209: 105.5,
  9210: 105.75,
  9211: 106,
  9212: 106.25,
  9213: 106.5,
  9214: 107,
  9215: 107.25,
  9216: 107.5,
  9217: 108.25,
  9218: 108.5,
};

function fromEpsg(code: number): Crs | null {
  switch (code) {
    case 4326:
      return WGS84;
    case 4756:
      return fromProj('VN-2000 (EPSG:4756)', VN2000_GEOG, true);
    case 3405:
      return vn2000Utm(48);
    case 3406:
      return vn2000Utm(49);
    case 32648:
    case 32649:
      return fromProj(`WGS 84 / UTM zone ${code - 32600}N (EPSG:${code})`, `+proj=utm +zone=${code - 32600} +datum=WGS84 +units=m +no_defs`, false);
    case 3857:
      return fromProj('WGS 84 / Pseudo-Mercator (EPSG:3857)', 'EPSG:3857', false);
  }
  const cm = VN2000_TM3_EPSG[code];
  return cm === undefined ? null : vn2000Tm3(cm);
}

/** The names `parseCrs` accepts, for messages and the README. */
export const ACCEPTED_CRS_NAMES =
  'EPSG:4326 (or CRS84, WGS84), EPSG:4756 (VN-2000), EPSG:3405 / EPSG:3406 (VN-2000 / UTM zone 48N / 49N), ' +
  '"VN-2000 / TM-3 106-30" (any central meridian, degrees-minutes) or EPSG:9205–9218 / 5896–5899, ' +
  'EPSG:32648 / 32649 (WGS 84 / UTM), EPSG:3857';

/**
 * A CRS from its name as files write it: `EPSG:3405`, `urn:ogc:def:crs:EPSG::3405`,
 * `http://www.opengis.net/def/crs/EPSG/0/3405`, `CRS84`, `VN-2000 / TM-3 106-30`,
 * `VN-2000 / TM-3 106°30'`, `VN-2000 / UTM zone 48N`… null when it is not one we know.
 */
export function parseCrs(text: string): Crs | null {
  const s = text.trim().replace(/\s+/g, ' ');
  if (/^(?:urn:ogc:def:crs:OGC:(?:1\.3)?:CRS84|OGC:CRS84|CRS:?84|WGS ?84|https?:\/\/www\.opengis\.net\/def\/crs\/OGC\/1\.3\/CRS84)$/i.test(s)) {
    return WGS84;
  }
  const epsg =
    /^EPSG:{1,2}(\d+)$/i.exec(s) ??
    /^urn:ogc:def:crs:EPSG:[\d.]*:(\d+)$/i.exec(s) ??
    /^https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/\d+\/(\d+)$/i.exec(s);
  if (epsg) return fromEpsg(Number(epsg[1]));
  if (/^VN-?2000$/i.test(s)) return fromEpsg(4756);
  const utm = /^VN-?2000 ?\/ ?UTM(?: zone)? ?(48|49) ?N?$/i.exec(s);
  if (utm) return vn2000Utm(utm[1] === '48' ? 48 : 49);
  const tm3 = /^VN-?2000 ?\/? ?TM-?3 (?:zone )?(\d{2,3})(?:[-° ](\d{1,2})['′]?)?$/i.exec(s);
  if (tm3) {
    const deg = Number(tm3[1]);
    const min = tm3[2] === undefined ? 0 : Number(tm3[2]);
    // "zone 481/482/491" are the EPSG names of three national TM-3 zones.
    const zoneCm: Record<string, number> = { '481': 102, '482': 105, '491': 108 };
    if (tm3[2] === undefined && zoneCm[tm3[1]!] !== undefined) return vn2000Tm3(zoneCm[tm3[1]!]!);
    if (min >= 60 || deg < 90 || deg > 120) return null;
    return vn2000Tm3(deg + min / 60);
  }
  const tm3Decimal = /^VN-?2000 ?\/? ?TM-?3 (\d{2,3}\.\d+)$/i.exec(s);
  if (tm3Decimal) {
    const cm = Number(tm3Decimal[1]);
    return cm >= 90 && cm <= 120 ? vn2000Tm3(cm) : null;
  }
  return null;
}

/**
 * The CRS named by a GeoJSON `crs` member (the 2008 GeoJSON form that QGIS and GDAL
 * still write): `{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3405"}}` or
 * `{"type":"EPSG","properties":{"code":3405}}`. Returns the name it read and the CRS
 * (null when unknown).
 */
export function crsFromGeoJsonMember(member: unknown): { name: string; crs: Crs | null } {
  if (member && typeof member === 'object' && !Array.isArray(member)) {
    const m = member as { type?: unknown; properties?: { name?: unknown; code?: unknown } };
    const props = m.properties;
    if (m.type === 'name' && props && typeof props.name === 'string') {
      return { name: props.name, crs: parseCrs(props.name) };
    }
    if (m.type === 'EPSG' && props && (typeof props.code === 'number' || typeof props.code === 'string')) {
      const name = `EPSG:${props.code}`;
      return { name, crs: parseCrs(name) };
    }
  }
  return { name: JSON.stringify(member) ?? String(member), crs: null };
}
