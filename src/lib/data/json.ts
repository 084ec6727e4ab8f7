// JSON parsing with a message that says where the file is broken. JSON.parse's own
// messages differ between engines and V8 (Node 20, Chrome) gives no line or column, so
// on failure a small syntax scanner (written here: no library reports positions in a
// form we can rely on) finds the first bad character.
import type { FileProblems } from './collector.ts';

export type JsonResult = { ok: true; value: unknown } | { ok: false };

/** GeoJSON needs 8 levels (collection, features, feature, geometry, 4 of MultiPolygon
 *  coordinates); far deeper nesting is not package data, and it would exhaust the stack
 *  of code that walks the value recursively. */
export const MAX_JSON_DEPTH = 64;

export function parseJson(text: string, fp: FileProblems): JsonResult {
  if (text.trim() === '') {
    fp.error(null, null, `the file is empty${text.length === 0 ? ' (0 bytes)' : ''}; expected JSON`);
    return { ok: false };
  }
  const tooDeep = depthBeyond(text, MAX_JSON_DEPTH);
  if (tooDeep !== -1) {
    const { line, column } = lineColumn(text, tooDeep);
    fp.error(null, null, `nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep (at line ${line}, column ${column}); expected at most ${MAX_JSON_DEPTH} (GeoJSON needs 8)`);
    return { ok: false };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    const found = locateJsonError(text);
    const { line, column } = lineColumn(text, found.offset);
    fp.error(null, null, `is not valid JSON at line ${line}, column ${column}: ${found.message}`);
    return { ok: false };
  }
}

/** Offset of the first bracket that opens level `maxDepth + 1`, or -1; strings are skipped. */
function depthBeyond(text: string, maxDepth: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return -1;
}

/** 1-based line and column of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

interface JsonSyntaxError {
  offset: number;
  message: string;
}

class Fail extends Error {
  constructor(readonly at: JsonSyntaxError) {
    super(at.message);
  }
}

/** Finds the first syntax error of text that JSON.parse rejected. */
function locateJsonError(text: string): JsonSyntaxError {
  let i = 0;
  const n = text.length;
  const fail = (message: string, at = i): never => {
    throw new Fail({ offset: at, message });
  };
  const describe = (at: number): string => (at >= n ? 'the end of the file' : `${JSON.stringify(text[at])}`);
  const ws = (): void => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const str = (): void => {
    const start = i;
    i++; // opening quote
    while (i < n) {
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape in a string');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(`bad escape \\${e ?? ''} in a string`);
      } else if (c !== undefined && c.charCodeAt(0) < 0x20) {
        fail('a line break or control character inside a string (unclosed quote?)');
      } else i++;
    }
    fail('a string that is never closed', start);
  };
  const num = (): void => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '-' || m[0] === '') fail(`unexpected ${describe(i)}; expected a value`);
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') return obj();
    if (c === '[') return arr();
    if (c === '"') return str();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return num();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    fail(`unexpected ${describe(i)}; expected a value`);
  };
  const obj = (): void => {
    i++;
    ws();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (text[i] !== '"') fail(`unexpected ${describe(i)}; expected a property name in double quotes`);
      str();
      ws();
      if (text[i] !== ':') fail(`unexpected ${describe(i)}; expected ':'`);
      i++;
      value();
      ws();
      if (text[i] === ',') {
        i++;
        ws();
        if (text[i] === '}') fail("a trailing comma before '}'");
        continue;
      }
      if (text[i] === '}') {
        i++;
        return;
      }
      fail(`unexpected ${describe(i)}; expected ',' or '}'`);
    }
  };
  const arr = (): void => {
    i++;
    ws();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      value();
      ws();
      if (text[i] === ',') {
        i++;
        ws();
        if (text[i] === ']') fail("a trailing comma before ']'");
        continue;
      }
      if (text[i] === ']') {
        i++;
        return;
      }
      fail(`unexpected ${describe(i)}; expected ',' or ']'`);
    }
  };
  try {
    value();
    ws();
    if (i < n) fail(`unexpected ${describe(i)} after the end of the JSON value`);
  } catch (err) {
    if (err instanceof Fail) return err.at;
    throw err;
  }
  // The scanner accepted what JSON.parse rejected (should not happen): point at the start.
  return { offset: 0, message: 'not valid JSON' };
}
