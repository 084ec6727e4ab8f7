// Reads, validates and converts a whole data package (docs/data-package.md) into the
// engine's DataPackage. The same code runs in the browser (urlSource, dropped files),
// the CLI (fsSource) and the tests (memorySource).
import type { DataPackage, PopulationPoints } from '../engine/types.ts';
import { loadArea } from './area.ts';
import { checkBasemapHead, PMTILES_HEAD_BYTES } from './basemap.ts';
import { checkFileIndex, FILE_INDEX, parseFileIndex, VECTOR_FILES } from './file-index.ts';
import { loadCandidates } from './candidates.ts';
import type { FileProblems } from './collector.ts';
import { ProblemList } from './collector.ts';
import { loadCoverage } from './coverage.ts';
import { warnFarFromHamlets } from './cross-checks.ts';
import { ACCEPTED_CRS_NAMES, parseCrs } from './crs.ts';
import type { Crs } from './crs.ts';
import { loadFiber } from './fiber.ts';
import { loadHamlets } from './hamlets.ts';
import { loadHistory } from './history.ts';
import { loadPois } from './pois.ts';
import { loadTargets } from './targets.ts';
import { loadPopulationCsv, loadPopulationGeoJson, rasterToPoints, warnPointsOutsideHamlets } from './population.ts';
import { POPULATION_VECTOR_FILES, readPopulationFast, type PopulationVectorFile } from './population-fast.ts';
import type { Problem } from './problems.ts';
import { demToLonLat } from './dem.ts';
import { readGeoTiff } from './raster.ts';
import { loadSitesCsv, loadSitesGeoJson } from './sites.ts';
import type { PackageSource } from './source.ts';
import { loadSpeedtests } from './speedtests.ts';
import { decodeText } from './text.ts';

/**
 * Reads a population file elsewhere (a Node worker thread: see node/population-thread.ts)
 * while the other files are checked: exactly readPopulationFast, so a non-null answer is
 * what the loader itself would have made of the file, with no message. The reader may
 * take `bytes` (a thread is handed the buffer rather than a copy of 100 MB); on null (or
 * a failure) the loader checks the file itself, with every message, reading it again from
 * its source if its bytes were taken.
 */
export type PopulationReader = (name: PopulationVectorFile, bytes: Uint8Array) => Promise<PopulationPoints | null>;

export interface LoadOptions {
  populationReader?: PopulationReader;
}

export interface LoadResult {
  pkg: DataPackage | null;
  problems: Problem[];
}

/** What could be read even when the package as a whole has errors (for summaries). */
export interface LoadDetails extends LoadResult {
  parts: Partial<DataPackage>;
}

type VectorFile = (typeof VECTOR_FILES)[number];

const POPULATION_LOADERS = { 'population.geojson': loadPopulationGeoJson, 'population.csv': loadPopulationCsv } satisfies Record<PopulationVectorFile, unknown>;

/**
 * Reads, validates and converts a whole package. pkg is null when any problem is an
 * error. Never throws on bad input; an I/O failure of the source becomes a Problem too.
 */
export async function loadPackage(source: PackageSource, options: LoadOptions = {}): Promise<LoadResult> {
  const { pkg, problems } = await loadPackageDetailed(source, options);
  return { pkg, problems };
}

/**
 * The files the package's files.json lists, or null when it has none (or a broken one):
 * then every file is asked for. Where the source can be listed, says where the two differ.
 */
async function readFileIndex(source: PackageSource, problems: ProblemList): Promise<Set<string> | null> {
  const fp = problems.forFile(FILE_INDEX);
  let bytes: Uint8Array | null;
  try {
    bytes = await source.read(FILE_INDEX);
  } catch (err) {
    fp.warn(null, null, `could not be read from ${source.label} (${err instanceof Error ? err.message : String(err)}); every file is looked for instead`);
    return null;
  }
  const text = bytes ? decodeText(bytes, fp) : null;
  const index = text === null ? null : parseFileIndex(text, fp);
  if (index && source.list) checkFileIndex(index, await source.list(), fp);
  return index;
}

export async function loadPackageDetailed(source: PackageSource, options: LoadOptions = {}): Promise<LoadDetails> {
  const problems = new ProblemList();

  const index = await readFileIndex(source, problems);
  const read = async (name: string): Promise<Uint8Array | null> => {
    if (index && !index.has(name)) return null;
    try {
      return await source.read(name);
    } catch (err) {
      problems.add('error', name, null, null, `could not be read from ${source.label}: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  };
  const readHead = async (name: string, length: number): Promise<Uint8Array | null> => {
    if (!source.readHead || (index && !index.has(name))) return read(name);
    try {
      return await source.readHead(name, length);
    } catch (err) {
      problems.add('error', name, null, null, `could not be read from ${source.label}: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  };

  // Fetch every text file at once (the app reads over HTTP), then validate in a fixed
  // order so messages always come out the same way.
  const textNames = ['area.json', 'targets.json', 'history.csv', ...VECTOR_FILES];
  const bytes = new Map<string, Uint8Array | null>(await Promise.all(textNames.map(async (n) => [n, await read(n)] as const)));
  const sidecars = new Map<string, Uint8Array | null>(
    await Promise.all(VECTOR_FILES.filter((n) => bytes.get(n)).map(async (n) => [n, await read(`${n}.crs`)] as const)),
  );

  // The population file (the biggest by far) starts being read elsewhere now, if it can
  // be: one without a .crs sidecar (whose problems the loader reports as it goes).
  const populationName = POPULATION_VECTOR_FILES.find((n) => bytes.get(n));
  const populationBytes = populationName ? bytes.get(populationName) : null;
  const earlyPopulation =
    populationName && populationBytes && options.populationReader && !sidecars.get(populationName)
      ? { name: populationName, points: options.populationReader(populationName, populationBytes).catch(() => null) }
      : null;

  const text = (name: string, fp: FileProblems): string | null => {
    const b = bytes.get(name);
    return b ? decodeText(b, fp) : null;
  };
  const sidecarCrs = (name: VectorFile): Crs | null | false => {
    const b = sidecars.get(name);
    if (!b) return null;
    const fp = problems.forFile(`${name}.crs`);
    const t = decodeText(b, fp);
    if (t === null) return false;
    const crsName = t.trim().split(/\r?\n/)[0]?.trim() ?? '';
    const crs = parseCrs(crsName);
    if (!crs) {
      fp.error(null, null, `got ${JSON.stringify(crsName)}, an unknown coordinate system; expected one of ${ACCEPTED_CRS_NAMES}`);
      return false;
    }
    return crs;
  };
  /**
   * Runs a loader so that an unexpected exception (a library choking on input we did not
   * foresee) becomes a problem for that file instead of escaping loadPackage.
   */
  const guarded = <T>(fp: FileProblems, run: () => T | null): T | null => {
    try {
      return run();
    } catch (err) {
      fp.error(null, null, `could not be checked (${err instanceof Error ? err.message : String(err)}); please report this with the file`);
      return null;
    }
  };
  /** Runs a vector loader on a file that is present; undefined when it is absent. */
  const vector = <T>(name: VectorFile, load: (t: string, fp: FileProblems, crs: Crs | null) => T | null): T | null | undefined => {
    if (!bytes.get(name)) return undefined;
    const fp = problems.forFile(name);
    const crs = sidecarCrs(name);
    const t = text(name, fp);
    if (t === null || crs === false) return null;
    return guarded(fp, () => load(t, fp, crs));
  };
  /** A population file: by its fast path straight from the bytes when it takes the file, else by the general loader. */
  const readPopulationFile = (name: PopulationVectorFile): PopulationPoints | null | undefined => {
    const crs = sidecarCrs(name);
    if (crs === false) return null;
    let fast: PopulationPoints | null = null;
    try {
      fast = readPopulationFast(name, bytes.get(name)!, crs);
    } catch {
      // A fault of the fast path itself: the general loader reads the file and says what is wrong.
    }
    return fast ?? vector(name, POPULATION_LOADERS[name]);
  };
  /** A file the reader declined, read here: again from the source first if the reader took its bytes (a thread is handed the buffer). */
  const afterReader = async (name: PopulationVectorFile): Promise<PopulationPoints | null | undefined> => {
    if (bytes.get(name)!.byteLength === 0) bytes.set(name, await read(name));
    return readPopulationFile(name);
  };
  /** Loads the first population file present into parts; returns its name (for later warnings). */
  const loadPopulation = async (parts: Partial<DataPackage>): Promise<string> => {
    let used: string | null = null;
    for (const name of POPULATION_VECTOR_FILES) {
      if (!bytes.get(name)) continue;
      if (used) {
        problems.add('warning', name, null, null, `is ignored because ${used} is present; a package uses one population file (population.geojson, else population.csv, else population.tif)`);
        continue;
      }
      used = name;
      const points = earlyPopulation?.name === name ? ((await earlyPopulation.points) ?? (await afterReader(name))) : readPopulationFile(name);
      if (points) parts.population = points;
    }
    if (used) {
      if (await readHead('population.tif', 1)) problems.add('warning', 'population.tif', null, null, `is ignored because ${used} is present`);
      return used;
    }
    const tif = await read('population.tif');
    if (tif) {
      const fp = problems.forFile('population.tif');
      const raster = await readGeoTiff(tif, fp);
      const points = raster ? guarded(fp, () => rasterToPoints(raster, fp)) : null;
      if (points) parts.population = points;
    } else if (!problems.items.some((p) => p.file === 'population.tif')) {
      parts.population = null;
    }
    return 'population.tif';
  };
  const missing = (name: string, what: string): void => problems.add('error', name, null, null, `is missing; it is required (${what})`);

  const parts: Partial<DataPackage> = {};

  // Required files.
  if (bytes.get('area.json')) {
    const fp = problems.forFile('area.json');
    const t = text('area.json', fp);
    const area = t === null ? null : guarded(fp, () => loadArea(t, fp));
    if (area) parts.area = area;
  } else missing('area.json', "the area's name and settings");

  if (bytes.get('targets.json')) {
    const fp = problems.forFile('targets.json');
    const t = text('targets.json', fp);
    const targets = t === null ? null : guarded(fp, () => loadTargets(t, fp));
    if (targets) parts.targets = targets;
  } else missing('targets.json', "the plan's targets; [] when there are none");

  const hamlets = vector('hamlets.geojson', loadHamlets);
  if (hamlets === undefined) missing('hamlets.geojson', 'hamlet boundaries and population');
  else if (hamlets) parts.hamlets = hamlets;

  const hasCsv = !!bytes.get('sites.csv');
  const hasGeoJson = !!bytes.get('sites.geojson');
  if (hasCsv && hasGeoJson) {
    problems.add('error', 'sites.geojson', null, null, 'is present together with sites.csv; expected only one of the two');
  } else if (hasCsv) {
    const cells = vector('sites.csv', loadSitesCsv);
    if (cells) parts.cells = cells;
  } else if (hasGeoJson) {
    const cells = vector('sites.geojson', loadSitesGeoJson);
    if (cells) parts.cells = cells;
  } else {
    problems.add('error', 'sites.csv', null, null, 'is missing, and so is sites.geojson; one of them is required (a header-only sites.csv when there are no sites)');
  }

  // Optional files: absent means empty.
  const coverage = vector('coverage.geojson', loadCoverage);
  if (coverage !== null) parts.coverage = coverage ?? [];
  const fiber = vector('fiber.geojson', loadFiber);
  if (fiber !== null) {
    parts.accessPoints = fiber?.accessPoints ?? [];
    parts.cables = fiber?.cables ?? [];
  }
  const pois = vector('pois.geojson', loadPois);
  if (pois !== null) parts.pois = pois ?? [];
  const speedtests = vector('speedtests.csv', loadSpeedtests);
  if (speedtests !== null) parts.speedtests = speedtests ?? [];
  const candidates = vector('candidates.geojson', loadCandidates);
  if (candidates !== null) parts.candidates = candidates ?? [];
  if (bytes.get('history.csv')) {
    const fp = problems.forFile('history.csv');
    const t = text('history.csv', fp);
    const history = t === null ? null : guarded(fp, () => loadHistory(t, fp));
    if (history) parts.history = history;
  } else parts.history = [];

  // Population: points from the first of population.geojson, population.csv and
  // population.tif that is present; the others are ignored, never silently.
  const populationFile = await loadPopulation(parts);
  if (parts.population && parts.hamlets) {
    const fp = problems.forFile(populationFile);
    guarded(fp, () => warnPointsOutsideHamlets(parts.population!, parts.hamlets!, fp));
  }

  if (parts.hamlets) {
    const h = parts.hamlets;
    if (parts.cells) warnFarFromHamlets(parts.cells, h, problems.forFile(hasCsv ? 'sites.csv' : 'sites.geojson'), 'cell');
    if (parts.accessPoints) warnFarFromHamlets(parts.accessPoints, h, problems.forFile('fiber.geojson'), 'access point');
    if (parts.pois) warnFarFromHamlets(parts.pois, h, problems.forFile('pois.geojson'), 'POI', 'POIs');
    if (parts.candidates) warnFarFromHamlets(parts.candidates, h, problems.forFile('candidates.geojson'), 'candidate place');
    if (parts.speedtests) warnFarFromHamlets(parts.speedtests, h, problems.forFile('speedtests.csv'), 'speed test');
  }

  const demBytes = await read('dem.tif');
  if (demBytes) {
    const fp = problems.forFile('dem.tif');
    const raster = await readGeoTiff(demBytes, fp);
    const dem = raster ? guarded(fp, () => demToLonLat(raster, fp, parts.hamlets ?? [])) : null;
    if (dem) parts.dem = dem;
  } else if (!problems.items.some((p) => p.file === 'dem.tif')) parts.dem = null;

  const basemapHead = await readHead('basemap.pmtiles', PMTILES_HEAD_BYTES);
  parts.hasBasemap = basemapHead ? checkBasemapHead(basemapHead, problems.forFile('basemap.pmtiles')) : false;

  const list = problems.items;
  const ok = problems.errorCount === 0;
  const pkg: DataPackage | null =
    ok && parts.area && parts.targets && parts.hamlets && parts.cells
      ? {
          area: parts.area,
          targets: parts.targets,
          hamlets: parts.hamlets,
          cells: parts.cells,
          coverage: parts.coverage ?? [],
          accessPoints: parts.accessPoints ?? [],
          cables: parts.cables ?? [],
          population: parts.population ?? null,
          pois: parts.pois ?? [],
          speedtests: parts.speedtests ?? [],
          candidates: parts.candidates ?? [],
          dem: parts.dem ?? null,
          hasBasemap: parts.hasBasemap ?? false,
          history: parts.history ?? [],
        }
      : null;
  return { pkg, problems: list, parts };
}
