// The coordinate system of a Shapefile's .prj (OGC or ESRI WKT) as a Crs.
//
// VN-2000: a .prj written by GDAL or QGIS for VN-2000 usually has no TOWGS84 (ESRI WKT
// cannot hold one), and proj4 would then treat VN-2000 as WGS84 — about 220 m off in Thái Nguyên.
// Whenever the datum is VN-2000 we therefore build the system ourselves with the official
// seven-parameter shift (Quyết định 05/2007/QĐ-BTNMT, as in Circular 973/2001/TT-TCĐC;
// EPSG:6960, see VN2000_TOWGS84 in data/crs.ts), whatever the WKT says about the shift.
import { fromProj, parseCrs, VN2000_TOWGS84, WGS84, type Crs } from '../data/crs.ts';

const VN2000_DATUM = /VN[-_ ]?2000|Vietnam[-_ ]?2000|Hanoi[-_ ]?VN2000/i;

function param(wkt: string, name: string): number | null {
  const m = new RegExp(`PARAMETER\\[\\s*"${name}"\\s*,\\s*(-?[\\d.eE+-]+)`, 'i').exec(wkt);
  return m ? Number(m[1]) : null;
}

/** A VN-2000 Transverse Mercator zone: TM-3 (k 0.9999) or 6° UTM-like (k 0.9996). */
function vn2000Projected(wkt: string): Crs | null {
  if (!/PROJECTION\[\s*"Transverse_Mercator"/i.test(wkt)) return null;
  const cm = param(wkt, 'central_meridian');
  const k = param(wkt, 'scale_factor') ?? 0.9999;
  const fe = param(wkt, 'false_easting') ?? 500000;
  const fn = param(wkt, 'false_northing') ?? 0;
  const lat0 = param(wkt, 'latitude_of_origin') ?? 0;
  if (cm === null) return null;
  // The named zones go through parseCrs so they carry the same names as in .crs files.
  if (fe === 500000 && fn === 0 && lat0 === 0) {
    if (Math.abs(k - 0.9999) < 1e-9) return parseCrs(`VN-2000 / TM-3 ${cm}`);
    if (Math.abs(k - 0.9996) < 1e-9 && (cm === 105 || cm === 111)) return parseCrs(`VN-2000 / UTM zone ${cm === 105 ? 48 : 49}N`);
  }
  return fromProj(
    `VN-2000 / TM (CM ${cm}, k ${k})`,
    `+proj=tmerc +lat_0=${lat0} +lon_0=${cm} +k=${k} +x_0=${fe} +y_0=${fn} +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +units=m +no_defs`,
    false,
  );
}

/** The CRS a .prj describes; null when proj4 cannot read it. */
export function crsFromPrj(wkt: string): Crs | null {
  const text = wkt.trim();
  const datum = /DATUM\[\s*"([^"]*)"/i.exec(text)?.[1] ?? '';
  const geogcs = /GEOGCS\[\s*"([^"]*)"/i.exec(text)?.[1] ?? '';
  const isVn2000 = VN2000_DATUM.test(datum) || VN2000_DATUM.test(geogcs);
  if (isVn2000) {
    if (/^PROJCS\[/i.test(text)) return vn2000Projected(text);
    if (/^GEOGCS\[/i.test(text)) return parseCrs('EPSG:4756');
    return null;
  }
  if (/^GEOGCS\[/i.test(text) && /WGS[_ ]?(19)?84/i.test(datum)) return WGS84;
  try {
    return fromProj(/^PROJCS\[\s*"([^"]*)"/i.exec(text)?.[1] ?? 'from .prj', text, /^GEOGCS\[/i.test(text));
  } catch {
    return null;
  }
}
