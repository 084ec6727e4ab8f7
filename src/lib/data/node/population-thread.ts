// The CLI reads the population file on a worker thread while the main thread checks the
// other files: on a province, 0.9 M points take about as long as the hamlets, sites and
// the rest together, and the machine has a second core. The worker runs the command's own
// script (one bundle: see scripts/cli.mjs), which calls servePopulationThread() first.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { PopulationReader } from '../load-package.ts';
import type { PopulationPoints } from '../../engine/types.ts';
import { readPopulationFast, type PopulationVectorFile } from '../population-fast.ts';

interface Job {
  populationThread: { name: PopulationVectorFile; bytes: Uint8Array };
}

/** Below this size a file is read faster where it is than a thread starts (~0.15 s to load the bundle): a commune's is well under 1 MB. */
export const THREAD_FROM_BYTES = 8 * 1024 * 1024;

/**
 * The buffer to hand to the thread: the file's own when the bytes are all of it (what
 * fsSource reads), so it moves rather than being copied; else a copy of just the bytes.
 */
function movableBuffer(bytes: Uint8Array): ArrayBuffer {
  const { buffer } = bytes;
  if (buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength) return buffer;
  return bytes.slice().buffer;
}

/**
 * A reader that runs `script` (a file URL: the calling script itself) as a worker thread
 * per large file, which takes the file's bytes; it declines small ones.
 */
export function threadPopulationReader(script: URL): PopulationReader {
  return (name, bytes) =>
    new Promise((resolve) => {
      if (bytes.length < THREAD_FROM_BYTES) {
        resolve(null);
        return;
      }
      const buffer = movableBuffer(bytes);
      const job: Job = { populationThread: { name, bytes: new Uint8Array(buffer) } };
      const worker = new Worker(script, { workerData: job, transferList: [buffer] });
      worker.once('message', (points: PopulationPoints | null) => {
        resolve(points);
        void worker.terminate();
      });
      // A worker that fails or ends without an answer: the loader reads the file itself.
      worker.once('error', () => resolve(null));
      worker.once('exit', () => resolve(null));
    });
}

/** On a worker thread started by threadPopulationReader: reads its file, answers, returns true. Elsewhere false. */
export function servePopulationThread(): boolean {
  const job = workerData as Job | null;
  if (isMainThread || !parentPort || !job?.populationThread) return false;
  const { name, bytes } = job.populationThread;
  const points = readPopulationFast(name, bytes, null);
  // The columns move to the main thread rather than being copied.
  parentPort.postMessage(points, points ? [points.lon.buffer, points.lat.buffer, points.pop.buffer] as ArrayBuffer[] : []);
  return true;
}
