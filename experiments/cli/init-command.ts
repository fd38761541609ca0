import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../usage-error.js';
import { printable } from './error-line.js';
import { output } from './output.js';
import { STARTER_EXPERIMENT } from './starter-experiment.js';

/** The experiment file format's name rule (schema.ts), for the name written into the file. */
const EXPERIMENT_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/;

/**
 * `labelsim init <name>`: writes `<name>.yaml` (or `<name>` itself when it ends in .yaml or .yml),
 * relative to the current folder: a starter experiment called after the file. Never overwrites: the file is
 * created exclusively, so an existing one (a day's work) is refused, even one made a moment
 * before by another process.
 */
export function initCommand(given: string): number {
  const file = /\.ya?ml$/i.test(given) ? given : `${given}.yaml`;
  const name = path.basename(file).replace(/\.ya?ml$/i, '');
  if (!EXPERIMENT_NAME.test(name)) {
    throw new UsageError(`init: expected a name of letters, digits, '.', '_' and '-' that does not begin with '.' (at most 100 characters), got ${JSON.stringify(name)}`);
  }
  const text = STARTER_EXPERIMENT.replaceAll('__NAME__', name).replaceAll('__FILE__', file);
  try {
    fs.writeFileSync(file, text, { flag: 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${printable(file)}: expected a file that does not exist yet (labelsim init never overwrites), got an existing file`);
    if (code === 'ENOENT') throw new UsageError(`${printable(file)}: expected a file in an existing folder, got a folder that does not exist`);
    throw new UsageError(`${printable(file)}: could not be written (${code ?? String(err)})`);
  }
  const o = output();
  o.result(`Wrote ${printable(file)}: experiment "${name}", two plans (base, one-more-annotator).`);
  o.result(`Next: labelsim check ${printable(file)}, then labelsim run ${printable(file)}`);
  return 0;
}
