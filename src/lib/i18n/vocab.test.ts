import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { METRICS } from '../engine/types.ts';
import {
  formatDate,
  formatDeadline,
  formatInt,
  formatPercent,
  formatStatus,
  formatTargetValue,
  metricLabel,
  statusLabel,
  techLabel,
  term,
  type Lang,
} from './vocab.ts';

const langs: Lang[] = ['vi', 'en'];

describe('number formatting', () => {
  it('groups thousands with a dot in Vietnamese and a comma in English', () => {
    expect(formatInt(16237, 'vi')).toBe('16.237');
    expect(formatInt(16237, 'en')).toBe('16,237');
    expect(formatInt(1234567, 'vi')).toBe('1.234.567');
    expect(formatInt(812, 'vi')).toBe('812');
    expect(formatInt(null, 'vi')).toBe('—');
  });

  it('writes percentages with a decimal comma (vi) or point (en)', () => {
    expect(formatPercent(0.123, 'vi')).toBe('12,3 %');
    expect(formatPercent(0.123, 'en')).toBe('12.3%');
    expect(formatPercent(1, 'vi')).toBe('100,0 %');
    expect(formatPercent(0, 'en')).toBe('0.0%');
    expect(formatPercent(0.12345, 'vi', 2)).toBe('12,35 %');
    expect(formatPercent(0.9, 'vi', 0)).toBe('90 %');
    expect(formatPercent(null, 'en')).toBe('—');
  });

  it('never prints a negative zero for float noise', () => {
    expect(formatPercent(-1e-14, 'vi')).toBe('0,0 %');
    expect(formatPercent(-0, 'en')).toBe('0.0%');
  });

  it('rounds to one decimal, not truncates', () => {
    expect(formatPercent(0.41049, 'vi')).toBe('41,0 %');
    expect(formatPercent(0.41051, 'vi')).toBe('41,1 %');
  });

  it('prints target thresholds without needless decimals', () => {
    expect(formatTargetValue('>', 0.5, 'vi')).toBe('> 50 %');
    expect(formatTargetValue('>=', 0.625, 'vi')).toBe('≥ 62,5 %');
    expect(formatTargetValue('>=', 0.625, 'en')).toBe('≥ 62.5%');
  });
});

describe('deadlines and dates', () => {
  it('writes a deadline quarter per language', () => {
    expect(formatDeadline('2026-Q4', 'vi')).toBe('Quý IV/2026');
    expect(formatDeadline('2027-Q1', 'vi')).toBe('Quý I/2027');
    expect(formatDeadline('2026-Q4', 'en')).toBe('Q4 2026');
    expect(formatDeadline('end of plan', 'vi')).toBe('end of plan');
  });

  it('writes a day as dd/mm/yyyy (vi) or ISO (en)', () => {
    const date = new Date(Date.UTC(2026, 10, 5));
    expect(formatDate(date, 'vi')).toBe('05/11/2026');
    expect(formatDate(date, 'en')).toBe('2026-11-05');
  });
});

describe('status words', () => {
  it('words each status with the gap when there is one', () => {
    expect(formatStatus({ kind: 'not_met', gapPp: 12.345 }, 'vi')).toBe('Chưa đạt (thiếu 12,3 điểm %)');
    expect(formatStatus({ kind: 'not_met', gapPp: 12.345 }, 'en')).toBe('Not met (12.3 pp short)');
    expect(formatStatus({ kind: 'overdue', gapPp: 3 }, 'vi')).toBe('Quá hạn (thiếu 3,0 điểm %)');
    expect(formatStatus({ kind: 'met', gapPp: null }, 'vi')).toBe('Đạt');
    expect(formatStatus({ kind: 'unknown', gapPp: null }, 'vi')).toBe('Không có dữ liệu');
    expect(statusLabel('overdue', 'en')).toBe('Overdue');
  });

  // Regression: a strict "> 50 %" target at exactly 50 %, or 99.97 % against "≥ 100 %",
  // printed "Chưa đạt (thiếu 0,0 điểm %)", which reads as a contradiction.
  it('says "less than 0.1 points" for a miss that rounds to 0.0', () => {
    expect(formatStatus({ kind: 'not_met', gapPp: 0 }, 'vi')).toBe('Chưa đạt (thiếu dưới 0,1 điểm %)');
    expect(formatStatus({ kind: 'overdue', gapPp: 0.03 }, 'en')).toBe('Overdue (less than 0.1 pp short)');
    expect(formatStatus({ kind: 'not_met', gapPp: 0.05 }, 'vi')).toBe('Chưa đạt (thiếu 0,1 điểm %)');
  });
});

describe('labels', () => {
  it('names metrics and technologies in Vietnamese with diacritics', () => {
    expect(metricLabel('pop_share.5g', 'vi')).toBe('Tỷ lệ dân số được phủ sóng 5G');
    expect(metricLabel('hamlet_share.fiber', 'vi')).toBe('Tỷ lệ xóm có cáp quang');
    expect(metricLabel('indicator.esign_adult_share', 'vi')).toBe('Tỷ lệ người trưởng thành có chữ ký số');
    expect(techLabel('fiber_1g', 'vi')).toBe('Cáp quang ≥ 1 Gb/s');
    expect(techLabel('mobile_bb', 'en')).toBe('Mobile broadband');
    expect(term('sampleNotice', 'vi')).toBe('Dữ liệu minh hoạ (không phải số liệu chính thức)');
  });

  it('has a distinct NFC label for every metric in both languages', () => {
    for (const lang of langs) {
      const labels = METRICS.map((m) => metricLabel(m, lang));
      expect(new Set(labels).size).toBe(METRICS.length);
      for (const label of labels) expect(label).toBe(label.normalize('NFC'));
    }
  });

  it('writes every string of the vocabulary in NFC (precomposed diacritics)', () => {
    // Decomposed text (NFD, as some Mac tools save it) looks the same but breaks search,
    // equality and MapLibre's local glyph drawing, so the whole file must be NFC.
    const source = readFileSync(new URL('./vocab.ts', import.meta.url), 'utf8');
    expect(source === source.normalize('NFC')).toBe(true);
  });

  it('keeps every status word in NFC', () => {
    for (const lang of langs) {
      for (const kind of ['met', 'not_met', 'overdue', 'unknown'] as const) {
        const label = statusLabel(kind, lang);
        expect(label).toBe(label.normalize('NFC'));
      }
    }
  });
});
