// The engine worker: the figures (the same engine as the CLI report) are computed here,
// off the page's thread, so the map and the panels never freeze.
import { expose } from 'comlink';
import { urlSource } from '../data/source.ts';
import { createEngineApi } from './engine-api.ts';

expose(createEngineApi((url) => urlSource(url)));
