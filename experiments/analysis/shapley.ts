/**
 * The Shapley decomposition of a change f(B) - f(A) among n factors (Shapley 1953, "A value for
 * n-person games"; used for index decomposition without residual by Albrecht, François & Schoors
 * 2002, "A Shapley decomposition of carbon emissions without residuals", Energy Policy 30(9), and
 * shown by Ang, Liu & Chew 2003 to equal Sun's 1998 complete decomposition). Factor k's part is
 * the change of f when k moves from A to B, averaged over every order in which the factors could
 * move: the parts do not depend on an order, and they add up to f(B) - f(A) exactly (in exact
 * arithmetic; in doubles to rounding), whatever f is, zeros and signs included.
 *
 * `f(moved)` evaluates the function with the factors whose bit is set in `moved` at their B
 * values and the rest at their A values. It is called 2^n times (n up to 12).
 */
export function shapley(n: number, f: (moved: number) => number): Float64Array {
  if (!Number.isInteger(n) || n < 1 || n > 12) throw new RangeError(`shapley: expected 1 to 12 factors, got ${n}`);
  const subsets = 1 << n;
  const value = new Float64Array(subsets);
  for (let s = 0; s < subsets; s++) value[s] = f(s);
  // weight[k] = k! (n - k - 1)! / n!: the share of orders in which exactly the k factors of S move before factor i.
  const factorial = [1];
  for (let i = 1; i <= n; i++) factorial.push(factorial[i - 1] * i);
  const weight = Array.from({ length: n }, (_, k) => (factorial[k] * factorial[n - k - 1]) / factorial[n]);
  const parts = new Float64Array(n);
  for (let s = 0; s < subsets; s++) {
    const size = popCount(s);
    for (let i = 0; i < n; i++) {
      const bit = 1 << i;
      if ((s & bit) === 0) parts[i] += weight[size] * (value[s | bit] - value[s]);
    }
  }
  return parts;
}

function popCount(x: number): number {
  let c = 0;
  for (let v = x; v !== 0; v &= v - 1) c++;
  return c;
}

/**
 * Rounds parts to whole units of `step` (0.01 for cents) so that they add up to `target`, itself a
 * whole number of steps: each part is floored, and the units left over go to the parts with the
 * largest remainders (Hamilton's largest-remainder method), units taken away from the smallest.
 * No part moves by more than one step from its exact value when the parts' exact sum is within
 * a step of the target.
 */
export function roundToTotal(parts: ArrayLike<number>, target: number, step: number): number[] {
  const units = Array.from(parts, (x) => x / step);
  const floors = units.map(Math.floor);
  let left = Math.round(target / step) - floors.reduce((a, b) => a + b, 0);
  const order = units.map((u, i) => ({ i, rest: u - floors[i] })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  const out = floors.slice();
  for (let j = 0; left > 0; j = (j + 1) % order.length, left--) out[order[j].i]++;
  for (let j = order.length - 1; left < 0; j = (j - 1 + order.length) % order.length, left++) out[order[j].i]--;
  // Whole steps times a decimal step carry binary noise: round the product to the step's decimals.
  const decimals = Math.max(0, Math.ceil(-Math.log10(step)));
  return out.map((u) => Number((u * step).toFixed(decimals)));
}
