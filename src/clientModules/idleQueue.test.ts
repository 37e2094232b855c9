import {describe, expect, it} from 'vitest';
import {createIdleQueue, type IdleDeadlineLike} from './idleQueue';

function fakeIdle() {
  const callbacks: ((deadline: IdleDeadlineLike) => void)[] = [];
  return {
    schedule: (cb: (deadline: IdleDeadlineLike) => void) => void callbacks.push(cb),
    pendingSlices: () => callbacks.length,
    /** Runs the next scheduled slice with this many ms of idle time per job check. */
    runSlice(budgets: number[]) {
      const cb = callbacks.shift();
      if (!cb) throw new Error('no slice scheduled');
      cb({timeRemaining: () => budgets.shift() ?? 0});
    },
  };
}

describe('createIdleQueue', () => {
  it('runs nothing until the browser is idle, then as many jobs as the slice allows', () => {
    const idle = fakeIdle();
    const ran: string[] = [];
    const enqueue = createIdleQueue((x: string) => ran.push(x), idle.schedule);
    enqueue('/a');
    enqueue('/b');
    enqueue('/c');
    expect(ran).toEqual([]);
    expect(idle.pendingSlices()).toBe(1);
    idle.runSlice([10, 1]); // after /a: 10 ms left → /b; after /b: 1 ms → stop
    expect(ran).toEqual(['/a', '/b']);
    expect(idle.pendingSlices()).toBe(1);
    idle.runSlice([]);
    expect(ran).toEqual(['/a', '/b', '/c']);
    expect(idle.pendingSlices()).toBe(0);
  });

  it('runs one job per slice even with no idle time left, so it always finishes', () => {
    const idle = fakeIdle();
    const ran: number[] = [];
    const enqueue = createIdleQueue((x: number) => ran.push(x), idle.schedule);
    [1, 2].forEach(enqueue);
    idle.runSlice([0]);
    idle.runSlice([0]);
    expect(ran).toEqual([1, 2]);
  });

  it('queues an item once while it waits, and again after it ran', () => {
    const idle = fakeIdle();
    const ran: string[] = [];
    const enqueue = createIdleQueue((x: string) => ran.push(x), idle.schedule);
    enqueue('/a');
    enqueue('/a');
    idle.runSlice([]);
    expect(ran).toEqual(['/a']);
    enqueue('/a');
    idle.runSlice([]);
    expect(ran).toEqual(['/a', '/a']);
  });
});
