/** A typed array of the same kind and `length`, holding `a`'s elements first (growing a column of a struct-of-arrays). */
export function widened<T extends Uint8Array | Int32Array | Float64Array>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}
