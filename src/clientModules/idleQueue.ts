/**
 * Idle-time scheduling for work that may wait (registering the service worker), so it stays out
 * of the tasks that make a page interactive.
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
