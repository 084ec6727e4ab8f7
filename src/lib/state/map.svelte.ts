// The MapLibre instance and the few facts about it the rest of the page reads. Held raw:
// MapLibre mutates its own internals, which must never be wrapped in Svelte proxies.
import type { Map as MaplibreMap } from 'maplibre-gl';

export class MapState {
  map = $state.raw<MaplibreMap | null>(null);
  /** True once the style and its sources are loaded, so sources and layers can be updated. */
  styleLoaded = $state(false);
  /** True after the map's first 'idle': the base layers are drawn, overlays may follow. */
  settled = $state(false);

  attach(map: MaplibreMap): void {
    this.map = map;
    this.styleLoaded = false;
    this.settled = false;
  }

  detach(): void {
    this.map = null;
    this.styleLoaded = false;
    this.settled = false;
  }
}
