import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecords, RecordLog, recordLogText, type ReplicationRecord } from '../../../experiments/run/record-log.js';
import { internalPaths, labelsim, snapshot, tempDir } from '../../support/cli.js';

const FILE = 'test/experiments/fixtures/small-project.yaml';
// One worker, batches of one: the records are appended one at a time, so "after N appends" is N records.
const RUN = ['run', FILE, '--replications', '3', '--workers', '1', '--batch-size', '1', '--quiet'];

const reference = (() => {
  let summary: Buffer | null = null;
  return () => {
    if (summary === null) {
      const out = tempDir('disk-ref');
      expect(labelsim([...RUN, '--out', out]).code).toBe(0);
      summary = fs.readFileSync(path.join(out, 'small-project', 'summary.json'));
    }
    return summary;
  };
})();

describe('a disk that fills during a run', () => {
  it('stops the run with one line naming the file, the cause and the records kept, exit code 4; --resume then gives the summary of an uninterrupted run', () => {
    const out = tempDir('enospc');
    const r = labelsim([...RUN, '--out', out], { LABELSIM_FAULT: 'enospc-after:2' });
    expect(r.code).toBe(4);
    const staging = internalPaths(out, 'small-project').staging;
    expect(r.stderr).toBe(
      `labelsim: cannot write ${path.join(staging, 'replications.jsonl')}: no space left on device (ENOSPC); the 2 records written so far are kept; free space and rerun with --resume\n`,
    );
    // Nothing published; the two records are complete and readable, the half-written third is not a record.
    expect(fs.existsSync(path.join(out, 'small-project'))).toBe(false);
    expect(fs.existsSync(internalPaths(out, 'small-project').lock)).toBe(false);
    const text = fs.readFileSync(path.join(staging, 'replications.jsonl'), 'utf8');
    expect(text.endsWith('\n')).toBe(false); // the torn tail a full disk leaves
    expect(readRecords(path.join(staging, 'replications.jsonl'))).toHaveLength(2);

    const resumed = labelsim([...RUN, '--resume', '--out', out]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(fs.readFileSync(path.join(out, 'small-project', 'summary.json')).equals(reference())).toBe(true);
  });

  it('stops the same way when the summary cannot be written, every record kept', () => {
    const out = tempDir('eacces');
    const r = labelsim([...RUN, '--out', out], { LABELSIM_FAULT: 'eacces-summary' });
    expect(r.code).toBe(4);
    const staging = internalPaths(out, 'small-project').staging;
    expect(r.stderr).toBe(
      `labelsim: cannot write ${path.join(staging, 'summary.json')}: permission denied (EACCES); all 9 records are kept; make the folder writable and rerun with --resume\n`,
    );
    expect(fs.readdirSync(staging).sort()).toEqual(['manifest.json', 'replications.jsonl']);
    const resumed = labelsim([...RUN, '--resume', '--out', out]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(fs.readFileSync(path.join(out, 'small-project', 'summary.json')).equals(reference())).toBe(true);
  });

  it('keeps an earlier result in place when a rerun runs out of space', () => {
    const out = tempDir('keep');
    expect(labelsim([...RUN, '--out', out]).code).toBe(0);
    const before = snapshot(path.join(out, 'small-project'));
    expect(labelsim([...RUN, '--out', out], { LABELSIM_FAULT: 'erofs-after:1' }).code).toBe(4);
    expect(snapshot(path.join(out, 'small-project'))).toEqual(before);
  });

  it('refuses, writing nothing, an output folder that cannot be created', () => {
    const dir = tempDir('notdir');
    const file = path.join(dir, 'a-file');
    fs.writeFileSync(file, 'not a folder');
    const r = labelsim([...RUN, '--out', path.join(file, 'out')]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^labelsim: cannot write .*a-file\/out: a part of the path is a file, not a folder \(ENOTDIR\); choose another --out and run again; nothing was written\n$/);
    expect(snapshot(dir)).toEqual({ 'a-file': Buffer.from('not a folder').toString('base64') });
  });
});

describe('the record log', () => {
  const record = (k: number): ReplicationRecord => ({ plan: 'base', replication: k, row: [k, 1, 2.5, null] });

  it('counts the complete records of a write that failed part way, and drops the torn one on resume', () => {
    const file = path.join(tempDir('log'), 'replications.jsonl');
    const log = new RecordLog(file, { failAfter: { after: 1, code: 'ENOSPC' } });
    log.append([record(0), record(1)]);
    expect(() => log.append([record(2), record(3), record(4)])).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    log.close();
    // Half of the second batch reached the file: record 2 whole, record 3 cut.
    expect(log.records).toBe(3);
    expect(readRecords(file).map((r) => r.replication)).toEqual([0, 1, 2]);
    readRecords(file, true);
    expect(fs.readFileSync(file, 'utf8').split('\n')).toHaveLength(4); // three lines and the empty tail
  });

  it('reads records across any chunk boundary (a log may be larger than one string can hold)', () => {
    const file = path.join(tempDir('chunks'), 'replications.jsonl');
    const records = Array.from({ length: 20 }, (_, k) => ({ ...record(k), plan: k % 2 === 0 ? 'base' : 'plan-é' }));
    fs.writeFileSync(file, recordLogText(records) + '{"plan":"torn');
    for (const chunk of [1, 2, 7, 64, 1 << 20]) expect(readRecords(file, false, chunk)).toEqual(records);
    readRecords(file, true, 5);
    expect(fs.readFileSync(file, 'utf8').endsWith('}\n')).toBe(true);
  });
});
