import fs from 'node:fs';
import path from 'node:path';

/**
 * Where a run writes. Results go first to a hidden staging folder beside the final one; only a
 * run that completes swaps it into place, so a failed or interrupted run never overwrites the
 * results of an earlier one, and an interrupted run can be resumed from its staging folder.
 */
export interface OutputFolder {
  root: string;
  final: string;
  staging: string;
  previous: string;
  lock: string;
}

export function outputFolder(root: string, name: string): OutputFolder {
  const final = path.resolve(root, name);
  // The name was validated, but a second guard here keeps every write (the folder, its staging
  // folder, lock and previous result) directly inside the output root.
  if (name === '' || name === '.' || name === '..' || /[/\\\0]/.test(name) || path.dirname(final) !== path.resolve(root)) {
    throw new Error(`experiment name ${JSON.stringify(name)} would write outside ${root}`);
  }
  return {
    root: path.resolve(root),
    final,
    staging: path.resolve(root, `.${name}.incomplete`),
    previous: path.resolve(root, `.${name}.previous`),
    lock: path.resolve(root, `.${name}.lock`),
  };
}

/** Moves the completed staging folder into place, replacing an earlier result only now. */
export function publish(folder: OutputFolder): void {
  const previous = folder.previous;
  fs.rmSync(previous, { recursive: true, force: true });
  if (fs.existsSync(folder.final)) fs.renameSync(folder.final, previous);
  fs.renameSync(folder.staging, folder.final);
  fs.rmSync(previous, { recursive: true, force: true });
}
