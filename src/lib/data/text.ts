// Bytes → text. Package files are UTF-8, with or without a byte-order mark; UTF-16 with
// a BOM (what Excel's "Unicode text" writes) is read too. Anything else is an error
// rather than mojibake in hamlet names, and so is binary data or a file too large to be
// a commune's data (decoding and parsing it would stall the page).
import type { FileProblems } from './collector.ts';

/** 200 MB: a commune's densest file (population points) is a few MB; far larger is not package data. */
export const MAX_TEXT_BYTES = 200 * 1024 * 1024;

export function decodeText(bytes: Uint8Array, fp: FileProblems, maxBytes = MAX_TEXT_BYTES): string | null {
  if (bytes.length > maxBytes) {
    fp.error(null, null, `is ${megabytes(bytes.length)}; expected at most ${megabytes(maxBytes)} of text (is it the right file?)`);
    return null;
  }
  let encoding = 'utf-8';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  let text: string;
  try {
    // The decoder strips a leading BOM (ignoreBOM: false).
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    fp.error(null, null, `is not valid ${encoding.toUpperCase()} text; expected UTF-8 (save the file as "CSV UTF-8" or UTF-8 text)`);
    return null;
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    // ASCII saved as UTF-16 without a BOM has a NUL beside every character.
    const utf16 = encoding === 'utf-8' && looksLikeBomlessUtf16(bytes);
    fp.error(
      null,
      null,
      utf16
        ? 'looks like UTF-16 text without a byte-order mark; expected UTF-8 (save the file as "CSV UTF-8" or UTF-8 text)'
        : `holds binary data (a NUL byte at byte ${nul}); expected UTF-8 text`,
    );
    return null;
  }
  return text;
}

function looksLikeBomlessUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return false;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  return (oddZero > 0.9 * half && evenZero < 0.1 * half) || (evenZero > 0.9 * half && oddZero < 0.1 * half);
}

function megabytes(n: number): string {
  return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
}
