import { describe, expect, it } from 'vitest';
import { qrPath } from './qr.ts';

describe('qrPath', () => {
  it('draws a link as modules inside a four-module quiet zone', () => {
    const code = qrPath('https://example.org/hatang/namhoa/#v2=abc');
    expect(code).not.toBeNull();
    // Version 3 at level M (29 modules) is the smallest that holds 42 bytes; plus 2 × 4 quiet modules.
    expect(code?.sizeModules).toBe(29 + 8);
    // The top-left finder pattern's corner module is dark and sits just inside the quiet zone.
    expect(code?.d.startsWith('M4 4h1v1h-1z')).toBe(true);
  });

  it('says when the text is too long for any QR code', () => {
    expect(qrPath('x'.repeat(3000))).toBeNull();
  });
});
