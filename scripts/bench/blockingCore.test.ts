import {describe, expect, it} from 'vitest';
import {blockingAfter, formatBlockingReport, mannWhitneyZ} from './blockingCore';

describe('blockingAfter', () => {
  it('counts what each task runs after first paint beyond 50 ms, like Lighthouse', () => {
    const tasks = [
      {startTime: 100, duration: 300}, // ends before paint: not blocking after it
      {startTime: 900, duration: 200}, // straddles the paint at 1,000: 100 ms after it, 50 blocking
      {startTime: 1500, duration: 170}, // 120 blocking
      {startTime: 2000, duration: 50}, // exactly the threshold: nothing
    ];
    expect(blockingAfter(tasks, 1000)).toEqual({blockingMs: 170, longestMs: 300});
  });

  it('is zero for a load without long tasks', () => {
    expect(blockingAfter([], 500)).toEqual({blockingMs: 0, longestMs: 0});
  });
});

describe('mannWhitneyZ', () => {
  it('is about -1.96 when all of three values are below all of three others', () => {
    // U = 0, mean 4.5, sd sqrt(3·3·7/12): z = -4.5 / 2.291
    expect(mannWhitneyZ([1, 2, 3], [4, 5, 6])).toBeCloseTo(-1.964, 3);
    expect(mannWhitneyZ([4, 5, 6], [1, 2, 3])).toBeCloseTo(1.964, 3);
  });

  it('is 0 for the same values, ties counting half', () => {
    expect(mannWhitneyZ([7, 7, 7], [7, 7, 7])).toBe(0);
  });
});

describe('formatBlockingReport', () => {
  const loads = (...values: number[]) => values.map((blockingMs) => ({blockingMs, longestMs: blockingMs + 50}));

  it('gives each build its medians and every load', () => {
    const report = formatBlockingReport('/docs/x', [{label: 'build', loads: loads(10, 30, 20)}]);
    expect(report).toContain('| build | 3 | 20 ms | 70 ms | 10 30 20 |');
    expect(report).not.toContain('against');
  });

  it('says whether a change between two builds is beyond the noise', () => {
    const clear = formatBlockingReport('/docs/x', [
      {label: 'new', loads: loads(10, 11, 12, 13, 14, 15)},
      {label: 'old', loads: loads(100, 101, 102, 103, 104, 105)},
    ]);
    expect(clear).toMatch(/new against old: -90 ms, Mann–Whitney z = -2\.8\d, beyond the noise/);
    const noisy = formatBlockingReport('/docs/x', [
      {label: 'new', loads: loads(10, 200, 30, 150)},
      {label: 'old', loads: loads(20, 180, 40, 160)},
    ]);
    expect(noisy).toContain('within the noise');
  });
});
