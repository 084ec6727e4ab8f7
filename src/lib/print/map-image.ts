// A picture of the map view, taken right after MapLibre draws a frame: the WebGL drawing
// buffer is only readable then (without preserveDrawingBuffer, which costs every frame).
import type { Map as MaplibreMap } from 'maplibre-gl';

/** The map's current view as a PNG data: URL. */
export function mapImage(map: MaplibreMap): Promise<string> {
  return new Promise((resolve, reject) => {
    map.once('render', () => {
      try {
        resolve(map.getCanvas().toDataURL('image/png'));
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
    map.triggerRepaint();
  });
}

/** Saves `blob` as a file named `fileName` (the browser's download). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  // The download has started from the click; the URL is no longer needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The bytes of a base64 data: URL as a Blob (fetch() of a data: URL is outside the page's CSP connect-src). */
export function dataUrlBlob(dataUrl: string): Blob {
  const match = /^data:([^;,]+);base64,(.*)$/.exec(dataUrl);
  if (!match) throw new RangeError(`dataUrlBlob: expected a base64 data: URL; got "${dataUrl.slice(0, 30)}…"`);
  const bytes = Uint8Array.from(atob(match[2] ?? ''), (ch) => ch.charCodeAt(0));
  return new Blob([bytes], { type: match[1] });
}
