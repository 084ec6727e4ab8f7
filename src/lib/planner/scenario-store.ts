// Where scenarios live between visits: the browser's IndexedDB (through `idb`), so a
// reload or a crash loses nothing. Every record read back is checked (readScenario): one
// that is not a valid Scenario is skipped and reported once through onWarning, never
// thrown at the UI, and stays in the database untouched.
import { openDB } from 'idb';
import type { DBSchema, IDBPDatabase } from 'idb';
import { byCreation, readScenario } from './scenarios.ts';
import type { Scenario } from './scenarios.ts';

export type { Scenario } from './scenarios.ts';

/** All methods are async; they reject only when storage itself fails (e.g. IndexedDB is unavailable). */
export interface ScenarioStore {
  /** The area's valid scenarios, oldest first. */
  list(areaId: string): Promise<Scenario[]>;
  get(id: string): Promise<Scenario | null>;
  /** Saves (creates or replaces) a scenario; rejects with a RangeError if it is not valid. */
  put(s: Scenario): Promise<void>;
  /** Deletes a scenario; if it was its area's current one, the area has none. */
  remove(id: string): Promise<void>;
  getCurrent(areaId: string): Promise<string | null>;
  setCurrent(areaId: string, id: string): Promise<void>;
}

export interface StoreOptions {
  /** Called once per unreadable record with a message the UI can show. */
  onWarning?: (message: string) => void;
}

interface PlannerDb extends DBSchema {
  /** Scenario records by id. Typed unknown: what comes back is checked, not trusted. */
  scenarios: { key: string; value: unknown };
  /** The current scenario's id by area id. */
  current: { key: string; value: string };
}

const DB_VERSION = 1;

export function indexedDbStore(dbName = 'namhoa-planner', options: StoreOptions = {}): ScenarioStore {
  let opening: Promise<IDBPDatabase<PlannerDb>> | null = null;
  const db = (): Promise<IDBPDatabase<PlannerDb>> => {
    opening ??= openDB<PlannerDb>(dbName, DB_VERSION, {
      upgrade(database) {
        database.createObjectStore('scenarios', { keyPath: 'id' });
        database.createObjectStore('current');
      },
      // Another tab opens a newer version: let it upgrade, and reopen on next use.
      blocking() {
        void opening?.then((d) => d.close());
        opening = null;
      },
      terminated() {
        opening = null;
      },
    });
    return opening;
  };

  const warned = new Set<string>();
  const read = (record: unknown): Scenario | null => {
    const result = readScenario(record);
    if ('scenario' in result) return result.scenario;
    if (!warned.has(result.warning)) {
      warned.add(result.warning);
      options.onWarning?.(result.warning);
    }
    return null;
  };

  return {
    async list(areaId) {
      const records = await (await db()).getAll('scenarios');
      // A record whose areaId is unreadable may be this area's: report it rather than hide it.
      const mine = records.filter((r) => {
        const recordArea = r && typeof r === 'object' ? (r as { areaId?: unknown }).areaId : undefined;
        return recordArea === areaId || typeof recordArea !== 'string';
      });
      return mine.map(read).filter((s): s is Scenario => s !== null).sort(byCreation);
    },

    async get(id) {
      const record = await (await db()).get('scenarios', id);
      return record === undefined ? null : read(record);
    },

    async put(s) {
      const checked = readScenario(s);
      if ('problem' in checked) throw new RangeError(`Cannot save ${checked.problem}`);
      // readScenario built a plain copy, which IndexedDB can clone (a reactive proxy it cannot).
      await (await db()).put('scenarios', checked.scenario);
    },

    async remove(id) {
      const tx = (await db()).transaction(['scenarios', 'current'], 'readwrite');
      const scenarios = tx.objectStore('scenarios');
      const current = tx.objectStore('current');
      const record = await scenarios.get(id);
      await scenarios.delete(id);
      const areaId = record && typeof record === 'object' ? (record as { areaId?: unknown }).areaId : undefined;
      if (typeof areaId === 'string' && (await current.get(areaId)) === id) await current.delete(areaId);
      await tx.done;
    },

    async getCurrent(areaId) {
      return (await (await db()).get('current', areaId)) ?? null;
    },

    async setCurrent(areaId, id) {
      await (await db()).put('current', id, areaId);
    },
  };
}
