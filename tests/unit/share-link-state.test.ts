// A shared link through the app's state, with the real engine and (fake) IndexedDB: the
// receiver's figures are the report of the package with the link's candidates on air, and
// reopening the link opens the same scenario instead of adding another.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Remote } from 'comlink';
import { AppState } from '../../src/lib/state/app.svelte.ts';
import { PlannerState } from '../../src/lib/state/planner.svelte.ts';
import { createHooks } from '../../src/lib/state/hooks.ts';
import { ScenariosState } from '../../src/lib/state/scenarios.svelte.ts';
import { indexedDbStore } from '../../src/lib/planner/scenario-store.ts';
import { createEngineApi } from '../../src/lib/worker/engine-api.ts';
import type { EngineApi } from '../../src/lib/worker/protocol.ts';
import { fsSource } from '../../src/lib/data/node/fs-source.ts';
import { loadPackage } from '../../src/lib/data/load-package.ts';
import { computeReport } from '../../src/lib/engine/report.ts';
import { DEFAULT_VIEW, decodeView, encodeView } from '../../src/lib/state/view-codec.ts';

const SAMPLE = fileURLToPath(new URL('../../data/namhoa/', import.meta.url));
const SHARED_NAME = 'Từ đường liên kết';

/** The app as the page builds it, in a browser whose storage is `dbName`, opening `hash` as view-url.svelte.ts does. */
async function openWithLink(dbName: string, hash = '') {
  const app = new AppState(createEngineApi((url) => fsSource(url)) as unknown as Remote<EngineApi>);
  const planner = new PlannerState(app);
  const scenarios = new ScenariosState(app, planner, indexedDbStore(dbName));
  const hooks = createHooks(app, planner, scenarios);
  void scenarios.follow(app.open(SAMPLE));
  const { view, candidates, problems } = decodeView(hash);
  expect(problems).toEqual([]);
  void app.applyView({ ...DEFAULT_VIEW, ...view });
  if (candidates && candidates.length > 0) void scenarios.openShared(SHARED_NAME, candidates);
  await hooks.ready();
  return { app, scenarios, hooks };
}

describe('a shared link through the app state', () => {
  it('reopens the sender’s candidates and year in another browser, with the same figures, once', async () => {
    const sender = await openWithLink('share-sender');
    await sender.hooks.addCandidate({ lon: 105.975, lat: 21.64 });
    await sender.hooks.addCandidate({ lon: 105.95, lat: 21.62, tech: '4G', carrier: 'VNPT', azimuth_deg: 90 });
    await sender.hooks.setYear(2030);
    const hash = encodeView(sender.app.viewState(), sender.app.candidates);
    const sent = sender.app.candidates;

    // The receiver already has a scenario of their own: it stays, the link's opens beside it.
    const own = await openWithLink('share-receiver');
    await own.hooks.addCandidate({ lon: 105.94, lat: 21.61 });
    await own.scenarios.settled();

    const receiver = await openWithLink('share-receiver', hash);
    expect(receiver.app.candidates).toEqual(sent);
    expect(receiver.app.year).toBe(2030);
    expect(receiver.scenarios.current?.name).toBe(SHARED_NAME);
    expect(receiver.scenarios.list).toHaveLength(2);
    const { pkg } = await loadPackage(fsSource(SAMPLE));
    if (!pkg) throw new Error('the sample does not load');
    const onAir = { ...pkg, cells: [...pkg.cells, ...sent.map((c) => ({ ...c, status: 'on_air' as const }))] };
    expect(await receiver.hooks.report()).toEqual(computeReport(onAir, { year: 2030 }));
    expect(await receiver.hooks.report()).toEqual(await sender.hooks.report());
    await receiver.scenarios.settled();

    // The same link again (a reload): the same scenario, not a copy.
    const again = await openWithLink('share-receiver', hash);
    expect(again.scenarios.list.map((s) => s.name)).toEqual([receiver.scenarios.list[0]?.name, SHARED_NAME]);
    expect(again.app.candidates).toEqual(sent);
  });
});
