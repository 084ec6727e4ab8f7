// The import worker: files are unzipped, parsed, converted and validated here, so a large
// file never freezes the page; cancelling terminates the worker.
import { expose } from 'comlink';
import { createImportApi } from './api.ts';

expose(createImportApi());
