import { OUTPUTS, isDaily } from '../../../sim/model/replication-outputs.js';
import { planOnly } from './tidy-tables.js';
import { STATISTIC_MEANINGS } from './plan-statistics.js';
import { TIDY_TABLES, type Cell, type TidyTable, type TidyTableSpec } from './tidy-columns.js';
import { UNIT_MEANINGS } from './units.js';

/** The dictionary is a table like the others, so a BI tool loads it too, and it names its own columns. */
export const DICTIONARY_SPEC: TidyTableSpec = {
  name: 'data-dictionary',
  meaning: 'Every table, column, measure, statistic and unit of the tables, with its meaning.',
  columns: [
    { name: 'kind', type: 'text', unit: '', meaning: 'What the row describes: table, column, measure, statistic or unit.' },
    { name: 'table', type: 'text', unit: '', meaning: 'The table a column belongs to, or where a measure appears.' },
    { name: 'name', type: 'text', unit: '', meaning: 'The name as it appears in the tables.' },
    { name: 'type', type: 'text', unit: '', meaning: 'Of a column: text, integer, number or date (ISO, YYYY-MM-DD); of a measure: the dimension its elements run along.' },
    { name: 'unit', type: 'text', unit: '', meaning: 'The unit of a column or measure (a name of the unit rows).' },
    { name: 'meaning', type: 'text', unit: '', meaning: 'What it is.' },
  ],
};

const SPECS: TidyTableSpec[] = [...Object.values(TIDY_TABLES), DICTIONARY_SPEC];

/** The data dictionary: built from the table specs and the output declarations, never written by hand. */
export function dataDictionary(): TidyTable {
  const rows: Cell[][] = [];
  for (const t of SPECS) rows.push(['table', t.name, t.name, '', '', t.meaning]);
  for (const t of SPECS) for (const c of t.columns) rows.push(['column', t.name, c.name, c.type, c.unit, c.meaning]);
  for (const o of OUTPUTS) {
    if (o.unit === 'index') continue;
    const table = isDaily(o.per) ? TIDY_TABLES.planDays.name : `${TIDY_TABLES.replicationMeasures.name}, ${TIDY_TABLES.planMeasures.name}`;
    const shown = o.aggregate.kind === 'none' ? TIDY_TABLES.replicationMeasures.name : planOnly(o) ? TIDY_TABLES.planMeasures.name : table;
    rows.push(['measure', shown, o.name, o.per === 'scalar' ? 'none' : o.per, o.unit, o.meaning]);
  }
  for (const [name, meaning] of Object.entries(STATISTIC_MEANINGS)) rows.push(['statistic', TIDY_TABLES.planMeasures.name, name, '', '', meaning]);
  for (const [name, meaning] of Object.entries(UNIT_MEANINGS)) rows.push(['unit', '', name, '', '', meaning]);
  return { spec: DICTIONARY_SPEC, rows };
}

const md = (c: Cell) => String(c ?? '').replace(/\|/g, '\\|');

/** The dictionary as the README's Markdown section shows it (a test keeps the README equal to it). */
export function dictionaryMarkdown(): string {
  const rows = dataDictionary().rows;
  const section = (kind: string, header: string[], cells: (r: Cell[]) => Cell[]) => {
    const own = rows.filter((r) => r[0] === kind);
    return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...own.map((r) => `| ${cells(r).map(md).join(' | ')} |`)].join('\n');
  };
  return [
    section('table', ['file', 'holds'], (r) => [`\`${r[1]}.csv\``, r[5]]),
    '',
    section('column', ['table', 'column', 'type', 'unit', 'meaning'], (r) => [r[1], `\`${r[2]}\``, r[3], r[4], r[5]]),
    '',
    section('measure', ['measure', 'dimension', 'unit', 'in', 'meaning'], (r) => [`\`${r[2]}\``, r[3], r[4], r[1], r[5]]),
    '',
    section('statistic', ['statistic', 'meaning'], (r) => [`\`${r[2]}\``, r[5]]),
    '',
    section('unit', ['unit', 'meaning'], (r) => [`\`${r[2]}\``, r[5]]),
  ].join('\n');
}
