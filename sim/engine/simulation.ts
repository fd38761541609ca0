import { EventQueue } from './event-queue.js';

/** Receives an event of the kind it was registered for; `a` and `b` are the event's two integer arguments. */
export type EventHandler = (a: number, b: number) => void;

/**
 * The simulation environment: a clock in hours and a future-event list. It knows nothing of what
 * the events mean; a component registers a handler once, gets an event kind back, and schedules
 * events of that kind with two integer arguments (an index and a version, typically).
 */
export class Simulation {
  /** Current simulation time in hours. */
  now = 0;
  /** Number of events handled so far. */
  eventsHandled = 0;
  private readonly queue: EventQueue;
  private readonly handlers: EventHandler[] = [];
  private stopped = false;
  /** True while the handled event is still at the top of the queue (see `run`). */
  private handlingTop = false;

  constructor(initialQueueCapacity = 1024) {
    this.queue = new EventQueue(initialQueueCapacity);
  }

  /** Registers a handler and returns the event kind that reaches it. Do this while building a model, not per event. */
  register(handler: EventHandler): number {
    this.handlers.push(handler);
    return this.handlers.length - 1;
  }

  /**
   * Schedules an event at absolute time `at` (hours). Times are not rounded: durations that add
   * up to a landmark (a shift close, a deadline) by hand meet it within `sameInstant`, and the
   * components that compare against landmarks use it. `at` earlier than now is a bug in the caller.
   */
  at(at: number, kind: number, a = 0, b = 0): void {
    if (!(at >= this.now)) throw new Error(`event scheduled in the past: t=${at} < now=${this.now}`);
    this.atUnchecked(at, kind, a, b);
  }

  /**
   * Schedules an event at a time the caller knows is not before now (a server pool's completion,
   * now plus a non-negative service time): `at` without the check.
   */
  atUnchecked(t: number, kind: number, a: number, b: number): void {
    if (this.handlingTop) {
      // The event being handled is still the heap's top: its first successor takes its place.
      this.handlingTop = false;
      this.queue.replaceTop(t, kind, a, b);
    } else {
      this.queue.push(t, kind, a, b);
    }
  }

  /** Schedules an event `delay` hours from now. */
  after(delay: number, kind: number, a = 0, b = 0): void {
    this.at(this.now + delay, kind, a, b);
  }

  /** Removes the event just handled if no successor took its place. */
  private settleTop(): void {
    if (this.handlingTop) {
      this.handlingTop = false;
      this.queue.removeTop();
    }
  }

  /** Stops `run` after the current event. */
  stop(): void {
    this.stopped = true;
  }

  get pendingEvents(): number {
    this.settleTop();
    return this.queue.size;
  }

  /** Time of the next event, Infinity when none. */
  peek(): number {
    this.settleTop();
    return this.queue.peekTime();
  }

  /**
   * Handles events in (time, sequence) order until the next one is later than `until`, the list is
   * empty, or `stop()` is called. The clock is left at `until` when the list runs past it, so
   * time-weighted statistics can be closed at the horizon.
   */
  run(until = Infinity): void {
    const queue = this.queue;
    const handlers = this.handlers;
    this.stopped = false;
    while (!this.stopped && queue.size > 0 && queue.peekTime() <= until) {
      // NOTE: speed. The event stays at the top while it is handled; the first event its handler
      // schedules replaces it (one sift instead of two), and it is removed only if none does.
      queue.peekTop();
      this.now = queue.time;
      this.eventsHandled++;
      this.handlingTop = true;
      handlers[queue.kind](queue.a, queue.b);
      this.settleTop();
    }
    if (!this.stopped && until !== Infinity && this.now < until) this.now = until;
  }
}
