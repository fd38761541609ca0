import { move, transferableSymbol, valueSymbol } from 'piscina';
import { runBatch, type BatchTask } from './replication-batch.js';

/**
 * Piscina worker entry: one batch in, rows out. Piscina transfers only top-level movables, so
 * the result is wrapped as a Transferable whose transfer list is the rows' buffer: the rows
 * change hands without a copy while the small bookkeeping beside them is cloned.
 */
export default function runReplicationBatch(task: BatchTask) {
  const result = runBatch(task);
  return move({
    get [transferableSymbol]() {
      return [result.rows.buffer];
    },
    get [valueSymbol]() {
      return result;
    },
  } as never);
}
