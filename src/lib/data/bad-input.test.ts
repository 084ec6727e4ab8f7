// Bad input, file by file: each case breaks the valid base package in one place and
// asserts the exact message (file, row/feature, field, what was got, what was expected).
import { describe, expect, it } from 'vitest';
import { formatProblem } from './problems.ts';
import { AREA, baseHamlets, errorsWith, fc, feature, hamletsWith, load, pmtilesHeader, point, polygon, sitesCsv, squareRing, TARGETS, withFiles } from './testkit.ts';

type Changes = Record<string, string | Uint8Array | undefined>;

const target = (t: Record<string, unknown>): string => JSON.stringify([{ ...TARGETS[0], ...t }]);
const area = (a: Record<string, unknown>): string => JSON.stringify({ ...AREA, ...a });
const hamletGeometry = (coordinates: unknown, type = 'Polygon'): string => hamletsWith(0, {}, { type, coordinates });
const speed = (row: string): string => `lon,lat,time,kind,down_mbps\n${row}\n`;
const PEOPLE = ': no Vietnamese commune or ward has a million people; a larger figure is a unit or column mistake';
const BANDS = ': 3GPP LTE and NR operating bands lie between 410 MHz (band 87) and 71 GHz (n263)';
const PREDICTED = ' (range_m is empty, so the propagation model predicts the reach; give range_m to use a fixed radius instead)';

const CASES: [string, Changes, string][] = [
  // Required files
  ['area.json missing', { 'area.json': undefined }, "area.json: is missing; it is required (the area's name and settings)"],
  ['targets.json missing', { 'targets.json': undefined }, "targets.json: is missing; it is required (the plan's targets; [] when there are none)"],
  ['hamlets.geojson missing', { 'hamlets.geojson': undefined }, 'hamlets.geojson: is missing; it is required (hamlet boundaries and population)'],
  ['no sites file', { 'sites.csv': undefined }, 'sites.csv: is missing, and so is sites.geojson; one of them is required (a header-only sites.csv when there are no sites)'],
  ['both sites files', { 'sites.geojson': fc([]) }, 'sites.geojson: is present together with sites.csv; expected only one of the two'],

  // JSON syntax
  ['broken JSON names line and column', { 'area.json': '{\n  "id": "x",\n  "name": \n}' }, 'area.json: is not valid JSON at line 4, column 1: unexpected "}"; expected a value'],
  ['trailing comma', { 'targets.json': '[\n  {"id": "a"},\n]' }, "targets.json: is not valid JSON at line 3, column 1: a trailing comma before ']'"],
  ['unclosed string', { 'pois.geojson': '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "UBND}}]}' }, 'pois.geojson: is not valid JSON at line 1, column 87: a string that is never closed'],
  ['empty JSON file', { 'area.json': '' }, 'area.json: the file is empty (0 bytes); expected JSON'],
  ['invalid UTF-8', { 'area.json': new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }, 'area.json: is not valid UTF-8 text; expected UTF-8 (save the file as "CSV UTF-8" or UTF-8 text)'],

  // Damaged files
  ['0-byte sites.csv', { 'sites.csv': '' }, 'sites.csv: the file is empty (0 bytes); expected a header line (id,carrier,lon,lat,tech, …) and, below it, one row per record'],
  ['0-byte hamlets.geojson', { 'hamlets.geojson': '' }, 'hamlets.geojson: the file is empty (0 bytes); expected JSON'],
  ['binary data', { 'pois.geojson': new Uint8Array([0x7b, 0x00, 0x01, 0x02, 0x7d]) }, 'pois.geojson: holds binary data (a NUL byte at byte 1); expected UTF-8 text'],
  ['UTF-16 without a byte-order mark', { 'speedtests.csv': new Uint8Array([...'lon,lat'].flatMap((c) => [c.charCodeAt(0), 0])) }, 'speedtests.csv: looks like UTF-16 text without a byte-order mark; expected UTF-8 (save the file as "CSV UTF-8" or UTF-8 text)'],
  ['nesting beyond 64 levels', { 'targets.json': `${'['.repeat(100_000)}${']'.repeat(100_000)}` }, 'targets.json: nests arrays and objects more than 64 levels deep (at line 1, column 65); expected at most 64 (GeoJSON needs 8)'],
  ['deep nesting that is also broken', { 'hamlets.geojson': '{"a":'.repeat(50_000) }, 'hamlets.geojson: nests arrays and objects more than 64 levels deep (at line 1, column 321); expected at most 64 (GeoJSON needs 8)'],

  // area.json
  ['area name missing', { 'area.json': area({ name: undefined }) }, 'area.json, name: missing; expected text'],
  ['area id not text', { 'area.json': area({ id: { x: 1 } }) }, 'area.json, id: got {"x":1} (an object); expected an id (text)'],
  ['threshold outside 0..1', { 'area.json': area({ hamlet_coverage_threshold: 90 }) }, "area.json, hamlet_coverage_threshold: got 90; expected a share in 0..1: a share: 0.9 means 90% of a hamlet's people"],
  ['sample not boolean', { 'area.json': area({ sample: 'yes' }) }, 'area.json, sample: got "yes"; expected true or false'],
  ['indicator as text', { 'area.json': area({ indicators: { ipv6_share: '62%' } }) }, 'area.json, indicators.ipv6_share: got "62%"; expected a share in 0..1 (a number, or {"value": …, "as_of": …})'],
  ['indicator share > 1', { 'area.json': area({ indicators: { esign_adult_share: { value: 55, as_of: '2026-09' } } }) }, 'area.json, indicators.esign_adult_share.value: got 55; expected a share in 0..1 (a number, or {"value": …, "as_of": …})'],
  ['indicators not an object', { 'area.json': area({ indicators: [0.5] }) }, 'area.json, indicators: got an array; expected an object such as {"ipv6_share": {"value": 0.62, "as_of": "2026-09"}}'],

  // targets.json
  ['targets not an array', { 'targets.json': '{"id": "a"}' }, 'targets.json: the file holds an object; expected an array of targets'],
  ['unknown metric', { 'targets.json': target({ metric: 'pop_share.6g' }) }, 'targets.json target 0, metric: got "pop_share.6g", an unknown metric; expected one of pop_share.4g, pop_share.5g, pop_share.mobile_bb, pop_share.fiber, pop_share.fiber_1g, hamlet_share.mobile_bb, hamlet_share.fiber, indicator.ipv6_share, indicator.esign_adult_share'],
  ['unknown op', { 'targets.json': target({ op: '=>' }) }, 'targets.json target 0, op: got "=>"; expected > or >='],
  ['target value as a percent', { 'targets.json': target({ value: 50 }) }, 'targets.json target 0, value: got 50; expected a share in 0..1 (0.5 means 50%)'],
  ['target value as text', { 'targets.json': target({ value: '0.5' }) }, 'targets.json target 0, value: got "0.5" (text); expected a share in 0..1 (0.5 means 50%)'],
  ['deadline in the 22nd century', { 'targets.json': target({ deadline: '2126-Q4' }) }, 'targets.json target 0, deadline: the year got 2126; expected an integer year in 1990..2100: no digital network in Vietnam predates 1990, and plans do not reach past 2100'],
  ['target without deadline', { 'targets.json': target({ deadline: undefined }) }, 'targets.json target 0, deadline: missing; expected text'],
  // Regression: a deadline that is not a quarter used to load, then crash `report --format md` and the dashboard.
  ['deadline that is a year, not a quarter', { 'targets.json': target({ deadline: '2026' }) }, 'targets.json target 0, deadline: got "2026"; expected a quarter such as "2026-Q4"'],
  ['deadline written the Vietnamese way', { 'targets.json': target({ deadline: 'Q4/2026' }) }, 'targets.json target 0, deadline: got "Q4/2026"; expected a quarter such as "2026-Q4"'],
  ['duplicate target id', { 'targets.json': JSON.stringify([TARGETS[0], { ...TARGETS[1], id: TARGETS[0]!.id }]) }, 'targets.json target 1, id: "5g_pop_2026" is also the id of target 0; expected unique ids'],

  // hamlets.geojson: properties
  ['population not an integer', { 'hamlets.geojson': hamletsWith(0, { population: 12.5 }) }, `hamlets.geojson feature 0, population: got 12.5; expected a whole number of people in 0..1 000 000${PEOPLE}`],
  ['negative population', { 'hamlets.geojson': hamletsWith(0, { population: -5 }) }, `hamlets.geojson feature 0, population: got −5; expected a whole number of people in 0..1 000 000${PEOPLE}`],
  ['population as text', { 'hamlets.geojson': hamletsWith(0, { population: '1200' }) }, 'hamlets.geojson feature 0, population: got "1200" (text); expected a whole number of people in 0..1 000 000'],
  ['population missing', { 'hamlets.geojson': hamletsWith(1, { population: null }) }, 'hamlets.geojson feature 1, population: missing; expected a whole number of people in 0..1 000 000'],
  ['hamlet without id', { 'hamlets.geojson': hamletsWith(2, { id: null }) }, 'hamlets.geojson feature 2, id: missing; expected an id (text)'],
  ['adults > population', { 'hamlets.geojson': hamletsWith(0, { adults: 1300 }) }, 'hamlets.geojson feature 0, adults: got 1300, more than the population 1200; expected adults ≤ population'],
  ['esign_adults > adults', { 'hamlets.geojson': hamletsWith(0, { esign_adults: 950 }) }, 'hamlets.geojson feature 0, esign_adults: got 950, more than adults 900; expected esign_adults ≤ adults'],
  ['households > population', { 'hamlets.geojson': hamletsWith(0, { households: 1300 }) }, 'hamlets.geojson feature 0, households: got 1300, more than the population 1200; expected households ≤ population (a household has at least one member)'],
  ['population of ten million', { 'hamlets.geojson': hamletsWith(0, { population: 10_000_000 }) }, `hamlets.geojson feature 0, population: got 10 000 000; expected a whole number of people in 0..1 000 000${PEOPLE}`],
  ['duplicate hamlet id', { 'hamlets.geojson': hamletsWith(1, { id: '01' }) }, 'hamlets.geojson feature 1, id: "01" is also the id of feature 0; expected unique ids'],
  ['no hamlets', { 'hamlets.geojson': fc([]) }, 'hamlets.geojson: the file has no features; expected at least one hamlet polygon'],
  ['not a FeatureCollection', { 'hamlets.geojson': JSON.stringify(baseHamlets()[0]) }, 'hamlets.geojson, type: got "Feature"; expected "FeatureCollection"'],

  // hamlets.geojson: geometry
  ['hamlet that is a point', { 'hamlets.geojson': hamletsWith(0, {}, point(105.8, 21.6)) }, 'hamlets.geojson feature 0, geometry: got a Point; expected a Polygon or MultiPolygon'],
  ['hamlet without geometry', { 'hamlets.geojson': hamletsWith(0, {}, null) }, 'hamlets.geojson feature 0, geometry: missing; expected a Polygon or MultiPolygon'],
  ['empty polygon', { 'hamlets.geojson': hamletGeometry([]) }, 'hamlets.geojson feature 0, geometry: the polygon is empty; expected at least an outer ring'],
  ['empty MultiPolygon', { 'hamlets.geojson': hamletGeometry([], 'MultiPolygon') }, 'hamlets.geojson feature 0, geometry: the MultiPolygon has no polygons; expected at least one'],
  ['ring with 3 positions', { 'hamlets.geojson': hamletGeometry([[[105.8, 21.6], [105.81, 21.6], [105.8, 21.6]]]) }, 'hamlets.geojson feature 0, geometry: ring 0 (outer) has 3 distinct positions (closing one included); expected at least 4'],
  ['unclosed ring', { 'hamlets.geojson': hamletGeometry([[[105.8, 21.6], [105.81, 21.6], [105.81, 21.61], [105.8, 21.61]]]) }, 'hamlets.geojson feature 0, geometry: ring 0 (outer) is not closed (its first position 105.8, 21.6 differs from its last 105.8, 21.61); expected the first position repeated at the end'],
  ['self-intersecting ring (bow tie)', { 'hamlets.geojson': hamletGeometry([[[105.8, 21.6], [105.81, 21.61], [105.81, 21.6], [105.8, 21.61], [105.8, 21.6]]]) }, 'hamlets.geojson feature 0, geometry: a ring crosses itself (or another ring) near 105.805, 21.605; expected simple, non-crossing rings'],
  ['hole crossing its outer ring', { 'hamlets.geojson': hamletGeometry([squareRing(105.8, 21.6, 0.01), squareRing(105.805, 21.605, 0.01)]) }, 'hamlets.geojson feature 0, geometry: a ring crosses itself (or another ring) near 105.81, 21.605; expected simple, non-crossing rings'],
  ['hole outside its outer ring', { 'hamlets.geojson': hamletGeometry([squareRing(105.8, 21.6, 0.005), squareRing(105.806, 21.606, 0.002)]) }, 'hamlets.geojson feature 0, geometry: ring 1 (hole) lies outside the outer ring (near 105.808, 21.606); expected every hole inside its outer ring'],
  ['hole inside another hole', { 'hamlets.geojson': hamletGeometry([squareRing(105.8, 21.6, 0.01), squareRing(105.801, 21.601, 0.006), squareRing(105.802, 21.602, 0.002)]) }, 'hamlets.geojson feature 0, geometry: ring 2 (hole) overlaps ring 1 (hole) (near 105.804, 21.602); expected holes apart from each other'],
  ['MultiPolygon part inside another part', { 'hamlets.geojson': hamletGeometry([[squareRing(105.8, 21.6, 0.01)], [squareRing(105.802, 21.602, 0.003)]], 'MultiPolygon') }, "hamlets.geojson feature 0, geometry: polygon 1 overlaps polygon 0 (near 105.805, 21.605); expected the parts of a MultiPolygon apart (a part may sit in another part's hole)"],
  ['MultiPolygon parts overlapping', { 'hamlets.geojson': hamletGeometry([[squareRing(105.8, 21.6, 0.006)], [squareRing(105.803, 21.603, 0.006)]], 'MultiPolygon') }, 'hamlets.geojson feature 0, geometry: a ring crosses itself (or another ring) near 105.806, 21.603; expected simple, non-crossing rings'],
  ['coverage part inside another part', { 'coverage.geojson': fc([feature({ tech: '4G', carrier: 'VNPT' }, { type: 'MultiPolygon', coordinates: [[squareRing(105.8, 21.6, 0.01)], [squareRing(105.802, 21.602, 0.003)]] })]) }, "coverage.geojson feature 0, geometry: polygon 1 overlaps polygon 0 (near 105.805, 21.605); expected the parts of a MultiPolygon apart (a part may sit in another part's hole)"],
  ['position with text', { 'hamlets.geojson': hamletGeometry([[[105.8, 21.6], ['105.81', 21.6], [105.81, 21.61], [105.8, 21.6]]]) }, 'hamlets.geojson feature 0, geometry: coordinates[0][1] is ["105.81",21.6]; expected a position [x, y] of two numbers'],
  ['latitude out of range', { 'hamlets.geojson': hamletGeometry([[[105.8, 21.6], [105.81, 121.6], [105.81, 21.61], [105.8, 21.6]]]) }, 'hamlets.geojson feature 0, geometry: lat 121.6 is outside −90..90 (coordinates[0][1])'],
  ['unsupported geometry type', { 'hamlets.geojson': hamletsWith(0, {}, { type: 'GeometryCollection', geometries: [] }) }, 'hamlets.geojson feature 0, geometry: got type "GeometryCollection"; expected Point, MultiPoint, LineString, MultiLineString, Polygon or MultiPolygon'],
  ['hamlets overlapping', { 'hamlets.geojson': hamletsWith(1, {}, polygon(105.805, 21.6, 0.01)) }, 'hamlets.geojson feature 1, geometry: hamlet "02" overlaps hamlet "01" (feature 0) by 57.5 ha; expected hamlets not to overlap (tolerance 500 m²)'],
  ['hamlets overlapping by ~1 100 m²', { 'hamlets.geojson': hamletsWith(1, {}, polygon(105.80999, 21.6, 0.01)) }, 'hamlets.geojson feature 1, geometry: hamlet "02" overlaps hamlet "01" (feature 0) by 1,145 m²; expected hamlets not to overlap (tolerance 500 m²)'],
  ['unknown CRS', { 'hamlets.geojson': fc(baseHamlets(), { crs: { type: 'name', properties: { name: 'EPSG:2154' } } }) }, 'hamlets.geojson, crs: got "EPSG:2154", an unknown coordinate system; expected one of EPSG:4326 (or CRS84, WGS84), EPSG:4756 (VN-2000), EPSG:3405 / EPSG:3406 (VN-2000 / UTM zone 48N / 49N), "VN-2000 / TM-3 106-30" (any central meridian, degrees-minutes) or EPSG:9205–9218 / 5896–5899, EPSG:32648 / 32649 (WGS 84 / UTM), EPSG:3857'],
  ['unknown CRS in a sidecar', { 'hamlets.geojson.crs': 'Hà Nội 72\n' }, 'hamlets.geojson.crs: got "Hà Nội 72", an unknown coordinate system; expected one of EPSG:4326 (or CRS84, WGS84), EPSG:4756 (VN-2000), EPSG:3405 / EPSG:3406 (VN-2000 / UTM zone 48N / 49N), "VN-2000 / TM-3 106-30" (any central meridian, degrees-minutes) or EPSG:9205–9218 / 5896–5899, EPSG:32648 / 32649 (WGS 84 / UTM), EPSG:3857'],

  // sites.csv
  ['latitude outside −90..90', { 'sites.csv': sitesCsv([{ id: 'a', lat: '121.6' }]) }, 'sites.csv row 1, lat: 121.6 is outside −90..90'],
  ['projected coordinates without a CRS', { 'sites.csv': sitesCsv([{ id: 'a', lon: '427326', lat: '2389543' }]) }, 'sites.csv row 1, lon: 427326 is outside −180..180 (projected coordinates in metres? declare the CRS: see data/README.md)'],
  ['longitude not a number', { 'sites.csv': sitesCsv([{ id: 'a', lon: '105,8' }]) }, 'sites.csv row 1, lon: got "105,8"; expected a longitude in degrees'],
  ['duplicate cell id', { 'sites.csv': sitesCsv([{ id: 'a' }, { id: 'b' }, { id: 'a' }]) }, 'sites.csv row 3, id: "a" is also the id of row 1; expected unique ids'],
  ['unknown tech', { 'sites.csv': sitesCsv([{ id: 'a', tech: 'LTE' }]) }, 'sites.csv row 1, tech: got "LTE"; expected 4G or 5G'],
  ['empty carrier', { 'sites.csv': sitesCsv([{ id: 'a', carrier: '' }]) }, "sites.csv row 1, carrier: missing; expected the carrier's name, e.g. Viettel"],
  ['unknown status', { 'sites.csv': sitesCsv([{ id: 'a', status: 'live' }]) }, 'sites.csv row 1, status: got "live"; expected on_air, planned or candidate'],
  ['beamwidth 0', { 'sites.csv': sitesCsv([{ id: 'a', beamwidth_deg: '0' }]) }, 'sites.csv row 1, beamwidth_deg: got 0 degrees; expected a beamwidth in (0, 360] degrees: 360 degrees is a full turn, an omni cell'],
  ['beamwidth 400', { 'sites.csv': sitesCsv([{ id: 'a', beamwidth_deg: '400' }]) }, 'sites.csv row 1, beamwidth_deg: got 400 degrees; expected a beamwidth in (0, 360] degrees: 360 degrees is a full turn, an omni cell'],
  ['negative range', { 'sites.csv': sitesCsv([{ id: 'a', range_m: '-5' }]) }, 'sites.csv row 1, range_m: got −5 m; expected a cell range in (0, 100 000] m: LTE and NR timing advance stops at about 100 km (3GPP TS 36.211 / 38.211)'],
  ['negative height', { 'sites.csv': sitesCsv([{ id: 'a', height_m: '-1' }]) }, 'sites.csv row 1, height_m: got −1 m; expected an antenna height above ground in (0, 700] m: the tallest masts in the world stand about 630 m; a larger figure is in feet or above sea level'],
  ['band 0 MHz', { 'sites.csv': sitesCsv([{ id: 'a', band_mhz: '0' }]) }, `sites.csv row 1, band_mhz: got 0 MHz; expected a 4G/5G band in 400..71 000 MHz${BANDS}`],
  ['on_air_year not an integer', { 'sites.csv': sitesCsv([{ id: 'a', status: 'planned', on_air_year: '2026.5' }]) }, 'sites.csv row 1, on_air_year: got 2026.5; expected an integer year in 1990..2100: no digital network in Vietnam predates 1990, and plans do not reach past 2100'],
  ['on_air_year as words', { 'sites.csv': sitesCsv([{ id: 'a', on_air_year: 'next year' }]) }, 'sites.csv row 1, on_air_year: got "next year"; expected an integer year in 1990..2100'],
  // Cells without range_m: the propagation model predicts their reach, so its inputs must be in its domain.
  ['band outside the models with no range', { 'sites.csv': sitesCsv([{ id: 'a', band_mhz: '50' }]) }, `sites.csv row 1, band_mhz: got 50 MHz; expected a 4G/5G band in 400..71 000 MHz${BANDS}`],
  ['antenna height 1 m with no range', { 'sites.csv': sitesCsv([{ id: 'a' }, { id: 'b', height_m: '1' }]) }, `sites.csv row 2, height_m: got 1 m; expected an antenna above the phone (1.5 m), as the propagation models assume${PREDICTED}`],
  ['EIRP 150 dBm with no range', { 'sites.csv': sitesCsv([{ id: 'a', eirp_dbm: '150' }]) }, 'sites.csv row 1, eirp_dbm: got 150 dBm; expected an EIRP in 0..90 dBm: 90 dBm is 1 MW, ten times the strongest massive-MIMO 5G sector (≈ 78 dBm); 0 dBm is 1 mW, below any femtocell'],
  ['band outside the models in GeoJSON', { 'sites.csv': undefined, 'sites.geojson': fc([feature({ id: 'a', carrier: 'Viettel', tech: '5G', band_mhz: 28000 }, point(105.8, 21.6))]) }, `sites.geojson feature 0, band_mhz: got 28 000 MHz; expected 150–7125 MHz, the bands the propagation models cover${PREDICTED}`],
  ['EIRP of thousands of dBm', { 'sites.csv': sitesCsv([{ id: 'a', eirp_dbm: '4300', range_m: '900' }]) }, 'sites.csv row 1, eirp_dbm: got 4300 dBm; expected an EIRP in 0..90 dBm: 90 dBm is 1 MW, ten times the strongest massive-MIMO 5G sector (≈ 78 dBm); 0 dBm is 1 mW, below any femtocell'],
  ['range of a million kilometres', { 'sites.csv': sitesCsv([{ id: 'a', range_m: '1e9' }]) }, 'sites.csv row 1, range_m: got 1 000 000 000 m; expected a cell range in (0, 100 000] m: LTE and NR timing advance stops at about 100 km (3GPP TS 36.211 / 38.211)'],
  ['antenna height of kilometres', { 'sites.csv': sitesCsv([{ id: 'a', height_m: '2500', range_m: '900' }]) }, 'sites.csv row 1, height_m: got 2500 m; expected an antenna height above ground in (0, 700] m: the tallest masts in the world stand about 630 m; a larger figure is in feet or above sea level'],
  ['azimuth of 4000 degrees', { 'sites.csv': sitesCsv([{ id: 'a', azimuth_deg: '4000' }]) }, 'sites.csv row 1, azimuth_deg: got 4000 degrees; expected an azimuth in −360..720 degrees: a bearing more than one turn outside 0..360 is not a bearing'],
  ['5G cell on air before 5G existed', { 'sites.csv': sitesCsv([{ id: 'a', tech: '5G', band_mhz: '3500', on_air_year: '2012' }]) }, 'sites.csv row 1, on_air_year: got 2012; expected 2019 or later: no 5G network was on air anywhere before 2019'],
  ['on_air_year 1900', { 'sites.csv': sitesCsv([{ id: 'a', on_air_year: '1900' }]) }, 'sites.csv row 1, on_air_year: got 1900; expected an integer year in 1990..2100: no digital network in Vietnam predates 1990, and plans do not reach past 2100'],
  ['azimuth as words', { 'sites.csv': sitesCsv([{ id: 'a', azimuth_deg: 'north' }]) }, 'sites.csv row 1, azimuth_deg: got "north"; expected an azimuth in −360..720 degrees'],
  ['required column missing', { 'sites.csv': 'id,carrier,lon,tech\n' }, 'sites.csv, lat: missing from the header, which has id, carrier, lon, tech; expected a lat column (or y)'],
  ['duplicate column', { 'sites.csv': 'id,carrier,lon,lat,tech,LAT\n' }, 'sites.csv, lat: the column appears twice in the header (columns 4 and 6); expected each column once'],
  ['row with too few fields', { 'sites.csv': 'id,carrier,lon,lat,tech\nA,Viettel,105.8\n' }, 'sites.csv row 1: has 3 fields; expected 5, as many as the header'],
  ['unterminated quote', { 'sites.csv': 'id,carrier,lon,lat,tech\nA,"Viettel,105.8,21.6,4G\n' }, 'sites.csv row 1: is not valid CSV: Quoted field unterminated; expected RFC 4180 quoting ("" inside quoted fields)'],
  ['semicolon-separated', { 'sites.csv': 'id;carrier;lon;lat;tech\nA;Viettel;105.8;21.6;4G\n' }, 'sites.csv: the header has one column with ";" in it; expected comma-separated columns (save as "CSV UTF-8 (comma delimited)")'],
  ['unknown row CRS', { 'sites.csv': 'id,carrier,lon,lat,tech,crs\nA,Viettel,1,2,4G,Lambert\n' }, 'sites.csv row 1, crs: got "Lambert", an unknown coordinate system; expected one of EPSG:4326 (or CRS84, WGS84), EPSG:4756 (VN-2000), EPSG:3405 / EPSG:3406 (VN-2000 / UTM zone 48N / 49N), "VN-2000 / TM-3 106-30" (any central meridian, degrees-minutes) or EPSG:9205–9218 / 5896–5899, EPSG:32648 / 32649 (WGS 84 / UTM), EPSG:3857'],
  ['projected coordinates that cannot be converted', { 'sites.csv': 'id,carrier,lon,lat,tech,crs\nA,Viettel,9e9,9e9,4G,EPSG:3405\n' }, 'sites.csv row 1, lon: x 9000000000, y 9000000000 in VN-2000 / UTM zone 48N (EPSG:3405) cannot be converted to lon/lat; expected coordinates in that CRS (x = easting, y = northing)'],

  // sites.geojson
  ['site feature that is a line', { 'sites.csv': undefined, 'sites.geojson': fc([feature({ id: 'a', carrier: 'Viettel', tech: '4G' }, { type: 'LineString', coordinates: [[105.8, 21.6], [105.81, 21.6]] })]) }, 'sites.geojson feature 0, geometry: got a LineString; expected a Point'],
  ['site azimuth as text in GeoJSON', { 'sites.csv': undefined, 'sites.geojson': fc([feature({ id: 'a', carrier: 'Viettel', tech: '4G', azimuth_deg: '120' }, point(105.8, 21.6))]) }, 'sites.geojson feature 0, azimuth_deg: got "120" (text); expected an azimuth in −360..720 degrees'],

  // coverage.geojson
  ['coverage tech unknown', { 'coverage.geojson': fc([feature({ tech: '3G', carrier: 'VNPT' }, polygon(105.8, 21.6, 0.001))]) }, 'coverage.geojson feature 0, tech: got "3G"; expected 4G, 5G or fiber'],
  ['coverage without carrier', { 'coverage.geojson': fc([feature({ tech: 'fiber' }, polygon(105.8, 21.6, 0.001))]) }, "coverage.geojson feature 0, carrier: missing; expected the carrier's name, e.g. VNPT"],
  ['coverage max_mbps 0', { 'coverage.geojson': fc([feature({ tech: 'fiber', carrier: 'VNPT', max_mbps: 0 }, polygon(105.8, 21.6, 0.001))]) }, 'coverage.geojson feature 0, max_mbps: got 0 Mb/s; expected a fiber plan speed in (0, 100 000] Mb/s: no access network sold to homes or phones reaches 100 Gb/s'],
  ['coverage as a point', { 'coverage.geojson': fc([feature({ tech: '4G', carrier: 'VNPT' }, point(105.8, 21.6))]) }, 'coverage.geojson feature 0, geometry: got a Point; expected a Polygon or MultiPolygon'],

  // fiber.geojson
  ['fiber polygon', { 'fiber.geojson': fc([feature({}, polygon(105.8, 21.6, 0.001))]) }, 'fiber.geojson feature 0, geometry: got a Polygon; expected a Point (access point) or a LineString (cable)'],
  ['fiber negative reach', { 'fiber.geojson': fc([feature({ reach_m: -3 }, point(105.8, 21.6))]) }, 'fiber.geojson feature 0, reach_m: got −3 m; expected an access point reach in (0, 20 000] m: GPON reaches 20 km from the exchange (ITU-T G.984); a splitter box serves far less'],
  ['fiber access point status unknown', { 'fiber.geojson': fc([feature({ status: 'built' }, point(105.8, 21.6))]) }, 'fiber.geojson feature 0, status: got "built"; expected on_air, planned or candidate'],
  ['cable with one position', { 'fiber.geojson': fc([feature({ kind: 'cable' }, { type: 'LineString', coordinates: [[105.8, 21.6]] })]) }, 'fiber.geojson feature 0, geometry: has 1 position(s); expected at least 2'],

  // population.geojson
  ['negative population weight', { 'population.geojson': fc([feature({ pop: -1 }, point(105.805, 21.605))]) }, `population.geojson feature 0, pop: got −1; expected a population weight in 0..1 000 000${PEOPLE}`],
  ['population point without pop', { 'population.geojson': fc([feature({}, point(105.805, 21.605))]) }, 'population.geojson feature 0, pop: missing; expected a population weight in 0..1 000 000'],

  // pois.geojson
  ['unknown POI type', { 'pois.geojson': fc([feature({ type: 'market', name: 'Chợ' }, point(105.8, 21.6))]) }, 'pois.geojson feature 0, type: got "market"; expected commune_hq, school, health, culture_house or other'],
  ['POI without name', { 'pois.geojson': fc([feature({ type: 'school' }, point(105.8, 21.6))]) }, 'pois.geojson feature 0, name: missing; expected text'],

  // speedtests.csv
  ['speed test kind unknown', { 'speedtests.csv': speed('105.8,21.6,2026-09-01,wifi,10') }, 'speedtests.csv row 1, kind: got "wifi"; expected mobile or fixed'],
  ['negative download speed', { 'speedtests.csv': speed('105.8,21.6,2026-09-01,mobile,-10') }, 'speedtests.csv row 1, down_mbps: got −10 Mb/s; expected a speed in 0..100 000 Mb/s: no access network sold to homes or phones reaches 100 Gb/s'],
  ['speed test on 30 February', { 'speedtests.csv': speed('105.8,21.6,2026-02-30T10:00:00+07:00,mobile,10') }, 'speedtests.csv row 1, time: got "2026-02-30T10:00:00+07:00": 2026-02-30 is not a calendar date; expected YYYY-MM-DD with a real month and day'],
  ['latency of an hour', { 'speedtests.csv': 'lon,lat,time,kind,down_mbps,latency_ms\n105.8,21.6,2026-09-01,mobile,10,3600000\n' }, 'speedtests.csv row 1, latency_ms: got 3 600 000 ms; expected a latency in 0..60 000 ms: a test that waits a minute has timed out'],
  ['fiber reach of 50 km', { 'fiber.geojson': fc([feature({ reach_m: 50_000 }, point(105.8, 21.6))]) }, 'fiber.geojson feature 0, reach_m: got 50 000 m; expected an access point reach in (0, 20 000] m: GPON reaches 20 km from the exchange (ITU-T G.984); a splitter box serves far less'],
  ['speed test time not a date', { 'speedtests.csv': speed('105.8,21.6,yesterday,mobile,10') }, 'speedtests.csv row 1, time: got "yesterday"; expected an ISO 8601 date and time, e.g. 2026-09-01T10:00:00+07:00'],

  // candidates.geojson
  ['duplicate candidate id', { 'candidates.geojson': fc([feature({ id: 'c', name: 'a' }, point(105.8, 21.6)), feature({ id: 'c', name: 'b' }, point(105.8, 21.6))]) }, 'candidates.geojson feature 1, id: "c" is also the id of feature 0; expected unique ids'],
  ['candidate kind unknown', { 'candidates.geojson': fc([feature({ id: 'c', name: 'a', kind: 'tower' }, point(105.8, 21.6))]) }, 'candidates.geojson feature 0, kind: got "tower"; expected public_land, existing_tower, rooftop or other'],
  ['candidate max height negative', { 'candidates.geojson': fc([feature({ id: 'c', name: 'a', max_height_m: -2 }, point(105.8, 21.6))]) }, 'candidates.geojson feature 0, max_height_m: got −2 m; expected a height limit in (0, 700] m: the tallest masts in the world stand about 630 m; a larger figure is in feet or above sea level'],

  // basemap.pmtiles
  ['basemap that is not PMTiles', { 'basemap.pmtiles': 'SQLite format 3\0' }, 'basemap.pmtiles: does not start with "PMTiles"; expected a PMTiles v3 archive (e.g. made with `pmtiles extract`)'],
  ['PMTiles v2', { 'basemap.pmtiles': new Uint8Array([0x50, 0x4d, 0x54, 0x69, 0x6c, 0x65, 0x73, 2, 0, 0]) }, 'basemap.pmtiles: is PMTiles version 2; expected version 3 (convert it with `pmtiles convert`)'],
  // Regression: a raster archive was taken as a basemap, then drawn with the vector style as an empty map.
  ['raster PMTiles basemap', { 'basemap.pmtiles': pmtilesHeader(4) }, 'basemap.pmtiles: holds WebP tiles; expected vector tiles (MVT) in the Protomaps basemap schema'],
  ['truncated PMTiles header', { 'basemap.pmtiles': pmtilesHeader(1).slice(0, 40) }, 'basemap.pmtiles: is 40 bytes long, shorter than the PMTiles header (127 bytes); expected a whole PMTiles v3 archive'],
];

describe('bad input is rejected with a message naming file, place, field and expectation', () => {
  it('has at least 45 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(45);
  });

  it.each(CASES)('%s', async (_name, changes, expected) => {
    const errors = await errorsWith(changes);
    expect(errors).toContain(expected);
  });
});

describe('propagation inputs are only checked when the model is used', () => {
  it('accepts a band, height and EIRP outside the models when range_m is given, warning where they are unusual', async () => {
    const { pkg, problems } = await load(withFiles({ 'sites.csv': sitesCsv([{ id: 'a', band_mhz: '28000', height_m: '1', eirp_dbm: '85', range_m: '800' }]) }));
    expect(problems.map(formatProblem)).toEqual([
      'sites.csv row 1, band_mhz: 28 000 MHz is unusual; usually 600..6000 MHz: bands in use in Vietnam lie in 700–3800 MHz; mmWave is rare (a typo, such as 18000 for 1800?)',
      'sites.csv row 1, height_m: 1 m is unusual; usually 5..150 m: BTS towers and rooftop poles stand about 5–150 m above ground',
      'sites.csv row 1, eirp_dbm: 85 dBm is unusual; usually 30..80 dBm: macro sectors radiate about 55–75 dBm and small cells about 30–45 dBm',
    ]);
    expect(pkg!.cells.map((c) => [c.id, c.band_mhz, c.height_m, c.eirp_dbm, c.range_m])).toEqual([['a', 28000, 1, 85, 800]]);
  });

  it('refuses physically impossible values even when range_m is given', async () => {
    const errors = await errorsWith({ 'sites.csv': sitesCsv([{ id: 'a', band_mhz: '50', height_m: '3000', eirp_dbm: '1500', range_m: '1e9' }]) });
    expect(errors.map((e) => e.split(':')[0])).toEqual(['sites.csv row 1, band_mhz', 'sites.csv row 1, height_m', 'sites.csv row 1, eirp_dbm', 'sites.csv row 1, range_m']);
  });
});

describe('legal but unusual input loads, with a warning naming file, place and field', () => {
  const WARNINGS: [string, Changes, string][] = [
    ['hamlet id as a JSON number', { 'hamlets.geojson': hamletsWith(1, { id: 2 }) }, 'hamlets.geojson feature 1, id: is the number 2, read as the text "2"; write ids as text (in quotes) so that 1 and "01" stay different'],
    ['Feature id as a JSON number', { 'candidates.geojson': fc([{ ...feature({ name: 'a' }, point(105.8, 21.6)), id: 7 }]) }, 'candidates.geojson feature 0, id: the Feature id is the number 7, read as the text "7"; write ids as text (in quotes) so that 1 and "01" stay different'],
    ['target id as a JSON number', { 'targets.json': target({ id: 1 }) }, 'targets.json target 0, id: is the number 1, read as the text "1"; write ids as text (in quotes) so that 1 and "01" stay different'],
    ['band typed as 18000 for 1800', { 'sites.csv': sitesCsv([{ id: 'a', band_mhz: '18000', range_m: '900' }]) }, 'sites.csv row 1, band_mhz: 18 000 MHz is unusual; usually 600..6000 MHz: bands in use in Vietnam lie in 700–3800 MHz; mmWave is rare (a typo, such as 18000 for 1800?)'],
    ['threshold below one half', { 'area.json': area({ hamlet_coverage_threshold: 0.3 }) }, 'area.json, hamlet_coverage_threshold: 0.3 is unusual; usually 0.5..1: below 0.5 a hamlet where most people are not covered counts as covered'],
    ['target "> 1"', { 'targets.json': target({ op: '>', value: 1 }) }, 'targets.json target 0, value: is 1 with op ">": a share is never above 1, so the target can never be met; expected op ">="'],
    ['hamlet of 50 000 people', { 'hamlets.geojson': hamletsWith(0, { population: 50_000, households: null, adults: null, esign_adults: null }) }, 'hamlets.geojson feature 0, population: 50 000 is unusual; usually 0..20 000: a hamlet (xóm, thôn) has a few hundred to a few thousand people'],
    ['header-only sites.csv', { 'sites.csv': 'id,carrier,lon,lat,tech\n' }, 'sites.csv: has no sites (no rows below the header); 4G and 5G coverage come only from coverage.geojson'],
  ];

  it.each(WARNINGS)('%s', async (_name, changes, expected) => {
    const { pkg, problems } = await load(withFiles(changes));
    expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    expect(problems.map(formatProblem)).toContain(expected);
    expect(pkg).not.toBeNull();
  });
});
