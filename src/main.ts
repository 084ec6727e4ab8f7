// Entry point: self-hosted fonts (no font server: the app works offline), MapLibre's CSS
// and worker, then the app.
import '@fontsource/be-vietnam-pro/vietnamese-400.css';
import '@fontsource/be-vietnam-pro/vietnamese-600.css';
import '@fontsource/be-vietnam-pro/vietnamese-700.css';
import '@fontsource/be-vietnam-pro/latin-400.css';
import '@fontsource/be-vietnam-pro/latin-600.css';
import '@fontsource/be-vietnam-pro/latin-700.css';
import 'maplibre-gl/dist/maplibre-gl.css';
import './app.css';
import { prewarm, setWorkerUrl } from 'maplibre-gl';
// After a Vite build MapLibre cannot find its own worker; point it at the bundled file.
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { mount } from 'svelte';
import App from './App.svelte';

setWorkerUrl(maplibreWorkerUrl);
// Boot MapLibre's worker now, while the app mounts and looks for the package's tiles.
prewarm();
// MapLibre draws labels only once their font has loaded: start fetching it now (both
// subsets, via Vietnamese sample text), not when the first tile asks for glyphs.
void document.fonts.load('600 16px "Be Vietnam Pro"', 'Xóm Đồng Ướt');

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
export default mount(App, { target });
