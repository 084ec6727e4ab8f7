// MapLibre glue for PMTiles archives: the `pmtiles://` protocol and vector source specs.
// The pmtiles reader fetches byte ranges of one static file, so no tile server is needed.
import type { addProtocol, VectorSourceSpecification } from 'maplibre-gl';
import { Protocol } from 'pmtiles';

/** Whatever owns `addProtocol`: the maplibre-gl module itself, or a stand-in in tests. */
export interface ProtocolHost {
  addProtocol: typeof addProtocol;
}

// Keyed by the addProtocol function, not the host object, so `{ addProtocol }` literals
// made at each call still count as the same maplibre.
const registered = new WeakSet<ProtocolHost['addProtocol']>();

/** Registers the `pmtiles://` protocol once per maplibre module; later calls do nothing. */
export function registerPmtilesProtocol(maplibre: ProtocolHost): void {
  if (registered.has(maplibre.addProtocol)) return;
  const protocol = new Protocol();
  maplibre.addProtocol('pmtiles', protocol.tile);
  registered.add(maplibre.addProtocol);
}

/** `pmtiles://` + the archive's absolute URL; a relative `url` is resolved against `baseUrl`. */
export function pmtilesUrl(url: string, baseUrl: string | undefined = globalThis.location?.href): string {
  // The protocol keys its archive cache by URL, so one file must always get one spelling.
  const absolute = baseUrl === undefined ? url : new URL(url, baseUrl).href;
  return `pmtiles://${absolute}`;
}

/** A vector source reading a PMTiles archive; zooms and bounds come from the archive's header. */
export function pmtilesVectorSource(url: string, baseUrl?: string): VectorSourceSpecification {
  return { type: 'vector', url: pmtilesUrl(url, baseUrl) };
}
