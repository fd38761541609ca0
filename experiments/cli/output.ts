/**
 * The one output rule of every command, as most tools have it: the result on stdout, so that
 * `labelsim check x.yaml > check.txt` or `| head` gets it and nothing else; progress, warnings
 * and hints on stderr, so that they reach the person watching and never a pipe. With --json the
 * result is the JSON: its human lines move to stderr, still shown, never mixed into the JSON.
 */
export interface Output {
  /** A line of the result: stdout, or stderr when --json has stdout. */
  result(line: string): void;
  /** Progress, warnings, hints: stderr. */
  note(line: string): void;
  /** The result as JSON, on stdout. */
  json(value: unknown): void;
}

export function output(json = false): Output {
  const out = (line: string) => process.stdout.write(line + '\n');
  const err = (line: string) => process.stderr.write(line + '\n');
  return {
    result: json ? err : out,
    note: err,
    // Infinity and NaN (a figure of a replication that did not finish) as null, as JSON has them.
    json: (value) => process.stdout.write(JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n'),
  };
}
