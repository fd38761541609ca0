/**
 * How large a model may be, and why: each bound is the range of a field that keeps per-item
 * state small (one byte per field, see item-store.ts) or of a draw key's packing (draw-keys.ts).
 * The loader refuses a file beyond them with the field's name.
 */

/** Item types: an item keeps its type in one byte. */
export const MAX_TYPES = 256;
/** Stages: an item keeps its stage in one byte, and an outcome key packs stage x 16 + kind below 4096. */
export const MAX_STAGES = 256;
/** Pools: an item keeps its labeller's pool in one byte, and a label-error key packs person x 256 + pool. */
export const MAX_POOLS = 256;
/** Item serials (arrival index x types + type) are int32 keys of every per-item draw. */
export const MAX_ITEM_SERIAL = 2 ** 31 - 1;
/** Classes of a work type: a consensus label keeps its class in one byte (consensus-classes.ts). */
export const MAX_CLASSES = 256;
