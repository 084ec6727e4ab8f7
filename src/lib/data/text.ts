// Bytes → text. Package files are UTF-8, with or without a byte-order mark; UTF-16 with
// a BOM (what Excel's "Unicode text" writes) is read too. Anything else is an error
// rather than mojibake in hamlet names.
import type { FileProblems } from './collector.ts';

export function decodeText(bytes: Uint8Array, fp: FileProblems): string | null {
  let encoding = 'utf-8';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  try {
    // The decoder strips a leading BOM (ignoreBOM: false).
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    fp.error(null, null, `is not valid ${encoding.toUpperCase()} text; expected UTF-8 (save the file as "CSV UTF-8" or UTF-8 text)`);
    return null;
  }
}
