// history.csv for the sample: the figures the commune "reported" in the four quarters
// before the report's own (2025-Q4 … 2026-Q3), each a plausible step below today's
// estimate, so the report's "change since the last period" has something to show.
// Invented like the rest of the network data; seeded so reruns are byte-identical.
import type { Area, HistoryRow, Metric } from '../../src/lib/engine/types.ts';
import type { Rng } from './prng.ts';
import type { Estimate } from './summary.ts';

export const HISTORY_COLUMNS = ['period', 'metric', 'value', 'source'];

const PERIODS = ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'] as const;
const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** Typical gain per quarter, in percentage points: 5G and fiber ≥ 1 Gb/s were being built fastest. */
const GAIN_PP: Partial<Record<Metric, number>> = {
  'pop_share.4g': 1,
  'pop_share.5g': 3.5,
  'pop_share.mobile_bb': 1,
  'pop_share.fiber': 2.5,
  'pop_share.fiber_1g': 4,
  'indicator.ipv6_share': 2,
  'indicator.esign_adult_share': 3,
};
/** Hamlets gained per quarter. */
const GAIN_HAMLETS: Partial<Record<Metric, number>> = { 'hamlet_share.mobile_bb': 0.5, 'hamlet_share.fiber': 1 };

function sourceFor(period: string): string {
  const [year, q] = period.split('-Q');
  return `Báo cáo chuyển đổi số Quý ${ROMAN[Number(q) - 1]}/${year} của UBND xã (số liệu minh hoạ)`;
}

/** One row per period and metric, oldest period first; every value below today's. */
export function sampleHistory(now: Estimate, area: Area, hamletCount: number, rng: Rng): HistoryRow[] {
  const today: Record<Metric, number> = {
    'pop_share.4g': now.commune['4g'],
    'pop_share.5g': now.commune['5g'],
    'pop_share.mobile_bb': now.commune.mobile_bb,
    'pop_share.fiber': now.commune.fiber,
    'pop_share.fiber_1g': now.commune.fiber_1g,
    'hamlet_share.mobile_bb': now.hamletShare.mobile_bb,
    'hamlet_share.fiber': now.hamletShare.fiber,
    'indicator.ipv6_share': area.indicators.ipv6_share?.value ?? 0,
    'indicator.esign_adult_share': area.indicators.esign_adult_share?.value ?? 0,
  };
  // Walk back from today one quarter at a time, so figures never fall from one quarter to the next.
  const back = new Map<Metric, number[]>();
  for (const metric of Object.keys(today) as Metric[]) {
    const gainHamlets = GAIN_HAMLETS[metric];
    const values: number[] = [];
    if (gainHamlets !== undefined) {
      // Hamlet shares are counts: whole hamlets, at least one fewer in the last quarter.
      let count = Math.round(today[metric] * hamletCount);
      for (let k = 0; k < PERIODS.length; k++) {
        count = Math.max(0, count - Math.max(k === 0 ? 1 : 0, Math.round(gainHamlets * rng.range(0.5, 1.5))));
        values.push(count / hamletCount);
      }
    } else {
      let value = today[metric];
      for (let k = 0; k < PERIODS.length; k++) {
        value = Math.max(0, value - ((GAIN_PP[metric] ?? 1) * rng.range(0.6, 1.4)) / 100);
        values.push(value);
      }
    }
    back.set(metric, values);
  }
  return PERIODS.flatMap((period, i) =>
    [...back].map(([metric, values]) => ({
      period,
      metric,
      value: Math.round((values[PERIODS.length - 1 - i] ?? 0) * 1000) / 1000,
      source: sourceFor(period),
    })),
  );
}
