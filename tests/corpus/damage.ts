// Damaged files: every text file of the sample emptied, truncated, replaced by binary
// noise, saved in the wrong encoding, and (JSON) nested absurdly deep or of the wrong
// kind; and each required file missing.
import type { Corpus } from './corpus.ts';

const REQUIRED = ['area.json', 'targets.json', 'hamlets.geojson', 'sites.csv'];

/** Random bytes that are not UTF-8 (0xFF never is) and contain a NUL. */
function noise(c: Corpus): Uint8Array {
  const bytes = new Uint8Array(64 + c.int(448));
  for (let i = 0; i < bytes.length; i++) bytes[i] = c.int(256);
  bytes[c.int(bytes.length)] = 0xff;
  bytes[c.int(bytes.length)] = 0;
  return bytes;
}

function utf16leWithoutBom(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[2 * i] = code & 0xff;
    bytes[2 * i + 1] = code >> 8;
  }
  return bytes;
}

/** Text saved as Windows-1252/Latin-1 (one byte a character), as old Excel does. */
function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 0x3f));
}

/**
 * A CSV cut inside a data line, before that line's last comma: the last record has
 * fewer fields than the header whatever the cut. Returns the text and its `row N`.
 */
function truncateCsv(c: Corpus, text: string): { text: string; where: string } {
  const lines = text.split('\n');
  const line = 1 + c.int(lines.filter((l) => l.trim() !== '').length - 1);
  const content = lines[line]!;
  const keep = 1 + c.int(Math.max(1, content.lastIndexOf(',')));
  return { text: `${lines.slice(0, line).join('\n')}\n${content.slice(0, keep)}`, where: `row ${line}` };
}

export function addDamagedFiles(c: Corpus): void {
  for (const name of REQUIRED) {
    c.add('missing required file', `${name} removed`, { [name]: null }, { file: name, where: null, field: null });
  }
  c.add('conflicting files', 'sites.geojson beside sites.csv', { 'sites.geojson': JSON.stringify({ type: 'FeatureCollection', features: [] }) }, { file: 'sites.geojson', where: null, field: null });

  for (const name of c.files) {
    const text = c.text(name);
    const whole = { file: name, where: null, field: null };
    c.add('empty file', `${name} is 0 bytes`, { [name]: '' }, whole);
    c.add('empty file', `${name} holds only blank lines`, { [name]: '\n \r\n\t\n' }, whole);
    c.add('binary file', `${name} is random bytes`, { [name]: noise(c) }, whole);
    c.add('wrong encoding', `${name} saved as UTF-16 without a byte-order mark`, { [name]: utf16leWithoutBom(text) }, whole);
    if ([...text].some((ch) => ch.charCodeAt(0) > 0x7f)) c.add('wrong encoding', `${name} saved as Latin-1`, { [name]: latin1(text) }, whole);

    if (name.endsWith('.csv')) {
      const cut = truncateCsv(c, text);
      c.add('truncated file', `${name} cut inside ${cut.where}`, { [name]: cut.text }, { file: name, where: cut.where, field: null });
      continue;
    }
    // JSON: a cut anywhere before the end leaves a value unclosed.
    const at = Math.floor(text.length * (0.05 + 0.9 * c.random()));
    c.add('truncated file', `${name} cut at character ${at} of ${text.length}`, { [name]: text.slice(0, at) }, whole);
    const depth = 65 + c.int(100_000);
    c.add('deep nesting', `${name} wrapped in ${depth} arrays`, { [name]: `${'['.repeat(depth)}${text}${']'.repeat(depth)}` }, whole);
    c.add('deep nesting', `${name} an object nested ${depth} deep, never closed`, { [name]: '{"a":'.repeat(depth) }, whole);
    const wrong = c.pick(['null', '42', '"FeatureCollection"', 'true']);
    c.add('wrong JSON kind', `${name} holds ${wrong}`, { [name]: wrong }, whole);
    if (name.endsWith('.geojson')) {
      const features = c.features(name);
      c.add('wrong JSON kind', `${name} is a bare array of features`, { [name]: JSON.stringify(features) }, whole);
      c.add('wrong JSON kind', `${name} is a single Feature`, { [name]: JSON.stringify(features[0]) }, { file: name, where: null, field: 'type' });
      c.add('wrong JSON kind', `${name} features is an object`, { [name]: JSON.stringify({ type: 'FeatureCollection', features: { 0: features[0] } }) }, { file: name, where: null, field: 'features' });
      const i = c.int(features.length);
      const items: unknown[] = [...features];
      items[i] = c.pick([[1, 2], 'Feature', 7, null]);
      c.add('wrong JSON kind', `${name} feature ${i} is not a Feature`, { [name]: JSON.stringify({ type: 'FeatureCollection', features: items }) }, { file: name, where: `feature ${i}`, field: 'type' });
    } else if (name === 'area.json') {
      c.add('wrong JSON kind', 'area.json is an array', { [name]: JSON.stringify([c.json(name)]) }, whole);
    } else if (name === 'targets.json') {
      const targets = c.json<unknown[]>(name);
      c.add('wrong JSON kind', 'targets.json is an object', { [name]: JSON.stringify(targets[0]) }, whole);
      const i = c.int(targets.length);
      targets[i] = c.pick(['5g_pop_2026', 0.5, [0.5]]);
      c.add('wrong JSON kind', `target ${i} is not an object`, { [name]: JSON.stringify(targets) }, { file: name, where: `target ${i}`, field: null });
    }
  }
}
