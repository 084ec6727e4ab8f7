// A link as a QR code, drawn as one SVG path (no markup strings, no network): the
// qrcode-generator package computes the modules, this only turns them into path squares.
import qrcode from 'qrcode-generator';

/** Quiet zone the QR standard asks for around the code, in modules. */
const QUIET_MODULES = 4;

/** The code's SVG path (one unit per module) and its side with the quiet zone, or null
 *  when the text does not fit the largest QR code (version 40). */
export function qrPath(text: string): { sizeModules: number; d: string } | null {
  // Level M: a phone still reads a printed link that is a little smudged.
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  try {
    qr.make();
  } catch {
    return null;
  }
  const count = qr.getModuleCount();
  const parts: string[] = [];
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.isDark(row, col)) parts.push(`M${col + QUIET_MODULES} ${row + QUIET_MODULES}h1v1h-1z`);
    }
  }
  return { sizeModules: count + 2 * QUIET_MODULES, d: parts.join('') };
}
