// Where a data package's files come from. The loader only asks for a file's bytes by
// name, so the same validation runs on a folder on disk (CLI, tests), a folder served
// over HTTP (the app, `?data=`), or files a user dropped on the page (import).

export interface PackageSource {
  /** Shown in messages, e.g. the folder path or URL. */
  readonly label: string;
  /** The file's bytes, or null when the package has no such file. */
  read(fileName: string): Promise<Uint8Array | null>;
  /**
   * The file's first `length` bytes (fewer if it is shorter), or null when there is no
   * such file. Optional: used to recognise large files (basemap.pmtiles) without reading
   * them whole; without it the loader falls back to read().
   */
  readHead?(fileName: string, length: number): Promise<Uint8Array | null>;
  /**
   * The names of the files in the package. Optional: a folder on disk can be listed, one
   * served over HTTP cannot (there files.json says what it holds; see file-index.ts).
   */
  list?(): Promise<string[]>;
}

/** A package held in memory: file name → bytes or text. */
export function memorySource(label: string, files: Record<string, Uint8Array | string>): PackageSource {
  const encoder = new TextEncoder();
  return {
    label,
    async read(fileName) {
      const content = files[fileName];
      if (content === undefined) return null;
      return typeof content === 'string' ? encoder.encode(content) : content;
    },
    async readHead(fileName, length) {
      const content = files[fileName];
      if (content === undefined) return null;
      return (typeof content === 'string' ? encoder.encode(content) : content).slice(0, length);
    },
    async list() {
      return Object.keys(files);
    },
  };
}

/** A package folder served over HTTP; `baseUrl` may be relative to the page. */
export function urlSource(baseUrl: string, fetchFn: typeof fetch = fetch): PackageSource {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return {
    label: baseUrl,
    async read(fileName) {
      const response = await fetchFn(`${base}${fileName}`);
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`${fileName}: HTTP ${response.status} ${response.statusText}`);
      // Static servers (vite preview among them) answer a missing file with the app's
      // index.html; a package file is never HTML.
      if ((response.headers.get('content-type') ?? '').includes('text/html')) return null;
      return new Uint8Array(await response.arrayBuffer());
    },
    async readHead(fileName, length) {
      const response = await fetchFn(`${base}${fileName}`, { headers: { Range: `bytes=0-${length - 1}` } });
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`${fileName}: HTTP ${response.status} ${response.statusText}`);
      if ((response.headers.get('content-type') ?? '').includes('text/html')) return null;
      // A server that honours Range sends just the head: read it to the end, since a
      // cancelled body shows in the browser as an aborted request.
      if (response.status === 206) return new Uint8Array(await response.arrayBuffer()).slice(0, length);
      // A server that ignores Range sends the whole file: read only what we need.
      const reader = response.body?.getReader();
      if (!reader) return new Uint8Array(await response.arrayBuffer()).slice(0, length);
      const head = new Uint8Array(length);
      let filled = 0;
      while (filled < length) {
        const { done, value } = await reader.read();
        if (done || !value) break;
        const take = Math.min(value.length, length - filled);
        head.set(value.subarray(0, take), filled);
        filled += take;
      }
      await reader.cancel().catch(() => undefined);
      return head.slice(0, filled);
    },
  };
}
