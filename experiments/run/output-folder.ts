import fs from 'node:fs';
import path from 'node:path';

/**
 * Where a run writes. Results go first to a staging folder; only a run that completes swaps it
 * into place, so a failed or interrupted run never overwrites the results of an earlier one, and
 * an interrupted run can be resumed from its staging folder.
 *
 * labelsim's own folders (staging, lock, previous result) live under `<root>/.labelsim/<name>/`.
 * Experiment names may not begin with '.', so no name reaches that namespace, and each name has
 * a folder of its own there: experiment `x.lock` can never write over experiment `x`'s lock.
 */
export interface OutputFolder {
  root: string;
  final: string;
  /** `<root>/.labelsim/<name>`: everything labelsim keeps about this experiment's runs. */
  internal: string;
  staging: string;
  previous: string;
  lock: string;
  /** Where labelsim 0.1 kept an interrupted run (`<root>/.<name>.incomplete`), to say so instead of starting over silently. */
  legacyStaging: string;
}

/** The folder under an output root that holds labelsim's own files; no experiment name can produce it. */
export const INTERNAL_FOLDER = '.labelsim';

export function outputFolder(root: string, name: string): OutputFolder {
  const final = path.resolve(root, name);
  // The name was validated, but a second guard here keeps every write (the folder, its staging
  // folder, lock and previous result) inside the output root and out of labelsim's namespace.
  if (name === '' || name.startsWith('.') || /[/\\\0]/.test(name) || path.dirname(final) !== path.resolve(root)) {
    throw new Error(`experiment name ${JSON.stringify(name)} would write outside ${root} or into labelsim's own folders`);
  }
  const internal = path.resolve(root, INTERNAL_FOLDER, name);
  return {
    root: path.resolve(root),
    final,
    internal,
    staging: path.join(internal, 'incomplete'),
    previous: path.join(internal, 'previous'),
    lock: path.join(internal, 'lock'),
    legacyStaging: path.resolve(root, `.${name}.incomplete`),
  };
}

/** Creates the root and the experiment's internal folder, where its lock is taken. */
export function prepareOutputFolder(folder: OutputFolder): void {
  makeFolder(folder.internal);
}

/**
 * mkdir -p, naming the folder that could not be made and the real cause: Node's recursive mkdir
 * reports ENOENT when a parent cannot be created (a read-only mount) and names the deepest path,
 * so the first missing folder is created on its own to learn why (EROFS, EACCES, ENOTDIR).
 */
export function makeFolder(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (err) {
    let missing = path.resolve(dir);
    while (!fs.existsSync(path.dirname(missing)) && path.dirname(missing) !== missing) missing = path.dirname(missing);
    fs.mkdirSync(missing); // throws the cause, naming the folder
    throw err;
  }
}

/**
 * Moves the completed staging folder into place, replacing an earlier result only now. Temporary
 * files (an atomic write cut short by a kill) are never published.
 */
export function publish(folder: OutputFolder): void {
  for (const name of fs.readdirSync(folder.staging)) if (isTemporaryFile(name)) fs.rmSync(path.join(folder.staging, name), { force: true });
  const previous = folder.previous;
  fs.rmSync(previous, { recursive: true, force: true });
  if (fs.existsSync(folder.final)) fs.renameSync(folder.final, previous);
  fs.renameSync(folder.staging, folder.final);
  fs.rmSync(previous, { recursive: true, force: true });
}

/** The temporary name writeFileAtomic uses: `.<file>.<pid>.tmp`. */
export function isTemporaryFile(name: string): boolean {
  return /^\..+\.\d+\.tmp$/.test(name);
}
