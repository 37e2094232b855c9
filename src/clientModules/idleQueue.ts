/**
 * A queue that runs one job per idle slice: work that may wait (prefetching the pages a reader
 * might open next) stays out of the tasks that make a page interactive.
 */
export interface IdleDeadlineLike {
  timeRemaining(): number;
}
export type ScheduleIdle = (callback: (deadline: IdleDeadlineLike) => void) => void;

/** requestIdleCallback where there is one (not Safari); else a short timeout with a 5 ms budget. */
export const scheduleIdle: ScheduleIdle = (callback) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, {timeout: 5000});
  else {
    setTimeout(() => {
      const end = Date.now() + 5;
      callback({timeRemaining: () => Math.max(0, end - Date.now())});
    }, 200);
  }
};

/** Jobs below this many ms of idle time left wait for the next slice. */
const MIN_IDLE_MS = 4;

export function createIdleQueue<T>(run: (item: T) => void, schedule: ScheduleIdle = scheduleIdle): (item: T) => void {
  const pending: T[] = [];
  const queued = new Set<T>();
  let scheduled = false;
  const drain = (deadline: IdleDeadlineLike) => {
    scheduled = false;
    // At least one job per slice, so a busy page still makes progress.
    do {
      const item = pending.shift()!;
      queued.delete(item);
      run(item);
    } while (pending.length > 0 && deadline.timeRemaining() >= MIN_IDLE_MS);
    if (pending.length > 0) {
      scheduled = true;
      schedule(drain);
    }
  };
  return (item) => {
    if (queued.has(item)) return;
    queued.add(item);
    pending.push(item);
    if (!scheduled) {
      scheduled = true;
      schedule(drain);
    }
  };
}
