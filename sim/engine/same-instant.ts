/**
 * Share of the clock reading within which two instants are one instant: a billionth
 * (3.6 µs at 1 h, 5 ms at eight weeks, 3 s at the 100-year horizon limit).
 *
 * Why: event times are plain floating-point sums of durations, and durations a file can state
 * (25 min = 0.41666... h, 0.1 s = 1/36,000 h, 1/7 h between arrivals at 7/h) have no exact binary
 * form, so a chain of jobs that ends on a shift close by hand arithmetic ends an ulp before or
 * after it. One addition at clock reading t is off by at most half an ulp, about 1.1e-16 t, so a
 * chain of up to ten million additions stays inside this tolerance, while no duration that
 * matters to a plan is this short. (A fixed grid, such as rounding every time to a nanohour, does
 * not work: a duration off the grid is rounded the same way at every step, and the error grows
 * with the chain: 66 jobs of 25 min already end 2e-8 h late.)
 */
export const TIME_TOLERANCE = 1e-9;

/**
 * True when `t`, a computed instant, is `landmark` (a shift close, a deadline) up to rounding:
 * within TIME_TOLERANCE of the clock reading (and at least a billionth of an hour) either way.
 * An infinite or NaN landmark is never met.
 */
export function sameInstant(t: number, landmark: number): boolean {
  const tolerance = TIME_TOLERANCE * (t > 1 ? t : 1);
  return t - landmark <= tolerance && landmark - t <= tolerance;
}
