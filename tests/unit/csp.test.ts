// The Content-Security-Policy is written twice: as a meta tag in index.html (every host)
// and as a header in public/_headers (hosts that read one, where frame-ancestors works).
// They must say the same thing.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(`${ROOT}/${path}`, 'utf8');

/** directive → sources, from a policy string. */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

const metaPolicy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(read('index.html'))?.[1];
const headerPolicy = /^\s+Content-Security-Policy: (.+)$/m.exec(read('public/_headers'))?.[1];

describe('Content-Security-Policy', () => {
  it('is the same in index.html and public/_headers, frame-ancestors (header only) aside', () => {
    expect(metaPolicy).toBeDefined();
    expect(headerPolicy).toBeDefined();
    const header = directives(headerPolicy!);
    expect(header['frame-ancestors']).toEqual(["'none'"]);
    delete header['frame-ancestors'];
    expect(directives(metaPolicy!)).toEqual(header);
  });

  it('allows scripts and connections from the app origin only: no inline script, no eval', () => {
    const policy = directives(metaPolicy!);
    expect(policy['script-src']).toEqual(["'self'"]);
    // data: is the terrain layers' images (hillshade, signal), which MapLibre fetches: no other origin.
    expect(policy['connect-src']).toEqual(["'self'", 'data:']);
    expect(policy['default-src']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
  });
});
