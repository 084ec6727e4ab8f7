// Launch flags that render MapLibre with SwiftShader WebGL2 in headless Debian Chromium and
// keep it off the (closed) network; shared by the end-to-end tests and the browser benchmarks.
// Adding --disable-gpu together with --disable-software-rasterizer kills WebGL ("WebGL2 is required").
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The system Chromium (Debian's package), or CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
