import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ExperimentError, loadExperiment, parseExperiment } from '../../../experiments/load/index.js';
import { errorAfter, errorOf, minimalDocument, parseDoc } from './helpers.js';

/** Checks an error names the file and the exact field, says what was expected and stays on one line. */
function expectError(error: ExperimentError, field: string, expected: string | RegExp, got?: string): void {
  expect(error).toBeInstanceOf(ExperimentError);
  expect(error.field).toBe(field);
  if (typeof expected === 'string') expect(error.expected).toBe(expected);
  else expect(error.expected).toMatch(expected);
  if (got !== undefined) expect(error.got).toBe(got);
  expect(error.message).toContain(error.file);
  if (field !== '') expect(error.message).toContain(`: ${field}: expected `);
  expect(error.message).toContain(`expected ${error.expected}`);
  expect(error.message).not.toMatch(/\n/);
}

describe('a file that cannot be read', () => {
  it('is reported as not found when it does not exist', () => {
    const error = errorOf(() => loadExperiment('no/such/experiment.yaml'));
    expectError(error, '', 'an existing file', 'file not found');
    expect(error.message).toBe('no/such/experiment.yaml: expected an existing file, got file not found');
  });

  it('is refused by extension when it is neither YAML nor JSON', () => {
    expectError(errorOf(() => parseExperiment('name: x', 'experiment.txt')), '', 'a file name ending in .yaml, .yml or .json');
  });

  it('is refused when it is not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('name: caf', 'latin1'), Buffer.from([0xe9]), Buffer.from('\n', 'latin1')]);
    const error = errorOf(() => parseExperiment(bytes, 'latin1.yaml'));
    expectError(error, '', 'UTF-8 text');
    expect(error.got).toContain('line 1');

    const dir = mkdtempSync(join(tmpdir(), 'labelsim-load-'));
    const file = join(dir, 'latin1.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from('# ok\nname: '), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]));
    const fromDisk = errorOf(() => loadExperiment(file));
    expectError(fromDisk, '', 'UTF-8 text');
    expect(fromDisk.got).toContain('line 2');
  });

  it('is refused when it is larger than 5 MB', () => {
    const big = `name: big\ndescription: "${'x'.repeat(5 * 1024 * 1024)}"\n`;
    expectError(errorOf(() => parseExperiment(big, 'big.yaml')), '', 'a file of at most 5 MB');
    const dir = mkdtempSync(join(tmpdir(), 'labelsim-load-'));
    const file = join(dir, 'big.yaml');
    writeFileSync(file, big);
    expectError(errorOf(() => loadExperiment(file)), '', 'a file of at most 5 MB');
  });

  it('is refused when it is a directory', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'labelsim-load-')), 'folder.yaml');
    mkdirSync(dir);
    expectError(errorOf(() => loadExperiment(dir)), '', 'a file', 'a directory');
  });

  it('is refused without reading when it is a symlink to a device such as /dev/zero', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'labelsim-load-')), 'zero.yaml');
    symlinkSync('/dev/zero', file);
    const error = errorOf(() => loadExperiment(file));
    expectError(error, '', 'a regular file', 'a character device');
    expect(error.message).toBe(`${file}: expected a regular file, got a character device`);
  });

  it('is refused without waiting for a writer when it is a FIFO', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'labelsim-load-')), 'pipe.yaml');
    execFileSync('mkfifo', [file]);
    expectError(errorOf(() => loadExperiment(file)), '', 'a regular file', 'a FIFO (named pipe)');
  });

  it('is read through a symlink to a regular file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'labelsim-load-'));
    writeFileSync(join(dir, 'real.yaml'), stringify(minimalDocument()));
    symlinkSync(join(dir, 'real.yaml'), join(dir, 'link.yaml'));
    expect(loadExperiment(join(dir, 'link.yaml')).name).toBe('small');
  });
});

describe('a file that does not parse', () => {
  it('reports malformed YAML with line and column', () => {
    const error = errorOf(() => parseExperiment('name: x\nwork:\n  frames: {count: 3\npools: 1\n', 'bad.yaml'));
    expectError(error, '', 'valid YAML');
    expect(error.got).toMatch(/^line \d+, column \d+: /);
  });

  it('names the path of a key given twice in a YAML mapping', () => {
    const error = errorOf(() => parseExperiment('name: x\nname: y\n', 'twice.yaml'));
    expectError(error, 'name', 'each key once in a mapping', 'a second "name" on line 2, column 1');
    const nested = stringify(minimalDocument()).replace('    headcount: 4\n', '    headcount: 4\n    headcount: 40\n');
    expectError(errorOf(() => parseExperiment(nested, 'twice.yaml')), 'pools.annotators.headcount', 'each key once in a mapping');
    // A number and the same digits as text are one field once loaded.
    const fixed = 'costs:\n  fixed: { 2027: 10, "2027": 20 }\n';
    expectError(errorOf(() => parseExperiment(`name: x\n${fixed}`, 'twice.yaml')), 'costs.fixed.2027', 'each key once in a mapping');
  });

  it('names the path of a key given twice in a JSON object, which JSON.parse would silently keep the last of', () => {
    const doc = '{\n  "name": "x",\n  "pools": {"a": {"headcount": 1, "pay": "none", "headcount": 2}},\n  "costs": {"fixed": {"gold set": 1}}\n}';
    const error = errorOf(() => parseExperiment(doc, 'twice.json'));
    expectError(error, 'pools.a.headcount', 'each key once in a mapping', 'a second "headcount" on line 3, column 50');
    expect(error.message).toBe('twice.json: pools.a.headcount: expected each key once in a mapping, got a second "headcount" on line 3, column 50');
    const quoted = '{"name": "x", "costs": {"fixed": {"gold set": 1, "gold\\u0020set": 2}}, "work": [{"a": 1}, {"b": 1, "b": 2}]}';
    expectError(errorOf(() => parseExperiment(quoted, 'twice.json')), 'costs.fixed["gold set"]', 'each key once in a mapping');
    const inList = '{"name": "x", "work": [{"a": 1}, {"b": 1, "b": 2}]}';
    expectError(errorOf(() => parseExperiment(inList, 'twice.json')), 'work[1].b', 'each key once in a mapping');
    // The same key in different mappings is fine.
    expect(() => parseExperiment('{"name": "x", "a": {"k": 1}, "b": {"k": 1}}', 'ok.json')).toThrow(/: a: expected one of the fields/);
  });

  it('refuses a second YAML document instead of ignoring it', () => {
    const text = `${stringify(minimalDocument())}---\nname: other\n`;
    const error = errorOf(() => parseExperiment(text, 'two.yaml'));
    expectError(error, '', 'one YAML document (one experiment per file)');
    expect(error.got).toMatch(/^a second document from line \d+/);
    // Markers around a single document are fine.
    expect(parseExperiment(`---\n${stringify(minimalDocument())}...\n`, 'one.yaml').name).toBe('small');
  });

  it('reports malformed JSON with line and column', () => {
    const error = errorOf(() => parseExperiment('{\n  "name": "x",\n  "seed": 1,,\n}', 'bad.json'));
    expectError(error, '', 'valid JSON');
    expect(error.got).toMatch(/^line 3, column \d+: /);
  });

  it('refuses a YAML alias bomb without expanding it', () => {
    const bomb = [
      'name: bomb',
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
      'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
      'i: [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
    ].join('\n');
    const error = errorOf(() => parseExperiment(bomb, 'bomb.yaml'));
    expectError(error, '', /alias/);
  });

  it('still allows a few YAML aliases', () => {
    const text = stringify(minimalDocument()).replace('pay:\n      salaried: 18/h', 'pay: &pay\n      salaried: 18/h');
    const withAlias = text.replace(/pay:\n\s+hourly: 25\/h/, 'pay: *pay');
    expect(parseExperiment(withAlias, 'aliases.yaml').plans[0].model.pools[1].pay).toEqual({ kind: 'salaried', perHour: 18 });
  });

  it('refuses deeply nested documents', () => {
    const deep = `name: deep\ndescription: ${'['.repeat(100)}${']'.repeat(100)}\n`;
    const error = errorOf(() => parseExperiment(deep, 'deep.yaml'));
    expectError(error, error.field, 'mappings and lists nested at most 64 deep', 'deeper nesting');
    expect(error.field).toMatch(/^description(\[0\]){63}$/);
    const veryDeep = `${'['.repeat(20_000)}`;
    const tooDeep = errorOf(() => parseExperiment(veryDeep, 'deep.yaml'));
    expectError(tooDeep, '', 'valid YAML');
    expect(tooDeep.got).toMatch(/nested too deeply/);
    expect(errorOf(() => parseExperiment('['.repeat(200_000) + ']'.repeat(200_000), 'deep.json'))).toBeInstanceOf(ExperimentError);
  });

  it('refuses a document that is not a mapping', () => {
    expectError(errorOf(() => parseExperiment('', 'empty.yaml')), '', /^a mapping of experiment fields/, 'an empty document');
    expectError(errorOf(() => parseExperiment('- a\n- b\n', 'list.yaml')), '', /^a mapping of experiment fields/, 'a list');
  });

  it('refuses YAML values that JSON cannot hold and __proto__ keys', () => {
    expectError(errorOf(() => parseExperiment('name: x\ndescription: !!set {a}\n', 'set.yaml')), 'description', /^plain data/, 'a set');
    expectError(errorOf(() => parseExperiment('{"name": "x", "__proto__": {"seed": 3}}', 'proto.json')), '__proto__', 'a field name other than __proto__');
  });

  it('refuses unknown YAML tags', () => {
    expectError(errorOf(() => parseExperiment('name: !secret x\n', 'tag.yaml')), '', 'valid YAML');
  });
});

describe('a field with a bad value', () => {
  it('names an unknown field and suggests the known one', () => {
    const error = errorAfter((doc) => {
      doc.pools.annotators.headcont = doc.pools.annotators.headcount;
      delete doc.pools.annotators.headcount;
    });
    expectError(error, 'pools.annotators.headcont', 'a known field (did you mean headcount?)', 'unknown field "headcont"');
    expect(error.message).toBe(
      'experiment.yaml: pools.annotators.headcont: expected a known field (did you mean headcount?), got unknown field "headcont"',
    );
  });

  it('suggests the known field for swapped letters too', () => {
    const error = errorAfter((doc) => (doc.stages.annotate.handling = { lognormal: { maen: '36s', cv: 0.4 } }));
    expectError(error, 'stages.annotate.handling.lognormal.maen', 'a known field (did you mean mean?)');
  });

  it('lists the known fields when an unknown one is nothing like them', () => {
    const error = errorAfter((doc) => (doc.stages.review.flavour = 'vanilla'));
    expectError(error, 'stages.review.flavour', /^one of the fields kind, pool, handling, sample, detection, falseReject, action, crossCheck$/);
  });

  it('refuses a negative rate', () => {
    const error = errorAfter((doc) => (doc.work.frames = { count: null, arrival: { poisson: '-9/h' } }));
    expectError(error, 'work.frames.arrival.poisson', 'a rate > 0 like 9/h, 100/h, 2/d or 1/m', '"-9/h"');
  });

  it('refuses a rate that is not a number', () => {
    const error = errorAfter((doc) => (doc.work.frames.arrival = { poisson: 'lots/h' }));
    expectError(error, 'work.frames.arrival.poisson', 'a rate > 0 like 9/h, 100/h, 2/d or 1/m', '"lots/h"');
    const bare = errorAfter((doc) => (doc.work.frames.arrival = { poisson: 9 }));
    expectError(bare, 'work.frames.arrival.poisson', 'a rate > 0 like 9/h, 100/h, 2/d or 1/m', '9');
  });

  it('refuses a pay rate that is not per hour', () => {
    const error = errorAfter((doc) => (doc.pools.annotators.pay = { salaried: '150/d' }));
    expectError(error, 'pools.annotators.pay.salaried', 'an hourly rate of pay from 0/h to 1e12/h, like 18/h', '"150/d"');
  });

  it('refuses a pay model with two kinds of pay or none', () => {
    const two = errorAfter((doc) => (doc.pools.annotators.pay = { salaried: '18/h', perItem: 0.1 }));
    expectError(two, 'pools.annotators.pay', /^a pay model: one of/, 'a mapping with salaried, perItem');
    const none = errorAfter((doc) => (doc.pools.annotators.pay = {}));
    expectError(none, 'pools.annotators.pay', /^a pay model: one of/, 'an empty mapping');
  });

  it('refuses amounts of money above 1e12, which would make costs overflow to Infinity and vanish from the output', () => {
    const fixed = errorAfter((doc) => (doc.costs = { fixed: { guidelines: 1e308, goldSet: 1e308 } }));
    expectError(fixed, 'costs.fixed.guidelines', 'an amount of money: a number from 0 to 1e12', '1e+308');
    expectError(errorAfter((doc) => (doc.costs = { managementPerWeek: 1e13 })), 'costs.managementPerWeek', 'an amount of money: a number from 0 to 1e12');
    expectError(errorAfter((doc) => (doc.pools.annotators.pay = { perItem: 1e300 })), 'pools.annotators.pay.perItem', 'an amount of money: a number from 0 to 1e12');
    const salaried = errorAfter((doc) => (doc.pools.annotators.pay = { salaried: '1e308/h' }));
    expectError(salaried, 'pools.annotators.pay.salaried', 'an hourly rate of pay from 0/h to 1e12/h, like 18/h', '"1e308/h"');
    // 1e12 itself is accepted.
    const ok = minimalDocument();
    ok.costs = { fixed: { guidelines: 1e12 } };
    expect(parseDoc(ok).plans[0].model.costs.fixed).toEqual([{ activity: 'guidelines', amount: 1e12 }]);
  });

  it('refuses a sample rate above 100%', () => {
    const error = errorAfter((doc) => (doc.stages.review.sample = '120%'));
    expectError(error, 'stages.review.sample', 'a share: a percentage like 5% or a number from 0 to 1', '"120%"');
    const number = errorAfter((doc) => (doc.stages.review.sample = 1.2));
    expectError(number, 'stages.review.sample', 'a share: a percentage like 5% or a number from 0 to 1', '1.2');
  });

  it('refuses a shrinkage of 100%', () => {
    const error = errorAfter((doc) => (doc.pools.annotators.shrinkage = 1));
    expectError(error, 'pools.annotators.shrinkage', /^a share below 100%/, '1');
  });

  it('refuses a pace of 0 or above 100', () => {
    expectError(errorAfter((doc) => (doc.pools.annotators.pace = 0)), 'pools.annotators.pace', 'a pace factor > 0 (at most 100)', '0');
    expectError(errorAfter((doc) => (doc.pools.annotators.pace = 101)), 'pools.annotators.pace', 'a pace factor > 0 (at most 100)', '101');
    expectError(errorAfter((doc) => (doc.pools.annotators.pace = '110%')), 'pools.annotators.pace', 'a pace factor > 0 (at most 100)', '"110%"');
  });

  it('refuses a review tier naming a pool that does not exist', () => {
    const error = errorAfter((doc) => (doc.stages.review.pool = 'qa-team'));
    expectError(error, 'stages.review.pool', 'the name of a pool (annotators, reviewers)', '"qa-team"');
  });

  it('refuses pools that share a queue in one stage but not in another', () => {
    const error = errorAfter((doc) => {
      doc.stages.annotate.pool = ['annotators', 'reviewers'];
    });
    expectError(
      error,
      'stages.review.pool',
      'the same partner pools in every stage: pool reviewers serves stage annotate with [annotators, reviewers]',
      '[reviewers]',
    );
    expectError(
      errorAfter((doc) => (doc.stages.annotate.pool = ['annotators', 'vendor'])),
      'stages.annotate.pool[1]',
      'the name of a pool (annotators, reviewers)',
      '"vendor"',
    );
    expectError(errorAfter((doc) => (doc.stages.annotate.pool = [])), 'stages.annotate.pool', 'at least one pool', 'an empty list');
  });

  it('refuses a shift that ends before it starts', () => {
    const error = errorAfter((doc) => (doc.pools.annotators.shifts[0].end = '08:00'));
    expectError(error, 'pools.annotators.shifts[0].end', /^a time after start \(09:00\)/, '08:00');
  });

  it('refuses a pool that leaves out its shifts, which once meant round the clock (four times a day shift), showing how to say either', () => {
    const error = errorAfter((doc) => delete doc.pools.reviewers.shifts);
    expectError(error, 'pools.reviewers.shifts', /^shifts: a list like \[\{ days: \[mon, tue, wed, thu, fri\], start: "09:00", end: "17:00" \}\], or always for round-the-clock service/, 'nothing');
    const crew = errorAfter((doc) => (doc.pools.reviewers = { crews: [{ headcount: 2 }], pay: 'none' }));
    expectError(crew, 'pools.reviewers.crews[0].shifts', /^shifts: a list like .*, or always for round-the-clock service/, 'nothing');
  });

  it('refuses a pool that leaves out its pay, which once meant free, showing how to say unpaid', () => {
    const error = errorAfter((doc) => delete doc.pools.reviewers.pay);
    expectError(error, 'pools.reviewers.pay', /^a pay model: one of \{ salaried: 18\/h \}, .*, or none for an unpaid pool$/, 'nothing');
  });

  it('takes shifts: always as every day 00:00-24:00 and pay: none as unpaid', () => {
    const doc = minimalDocument();
    doc.pools.reviewers = { headcount: 2, shifts: 'always', pay: 'none' };
    doc.pools.annotators.crews = [{ headcount: 1, shifts: 'always' }];
    delete doc.pools.annotators.headcount;
    delete doc.pools.annotators.shifts;
    const [annotators, reviewers] = parseDoc(doc).plans[0].model.pools;
    const allWeek = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '24:00' }];
    expect(reviewers.shifts).toEqual([{ headcount: 2, timeZone: 'UTC', shifts: allWeek, holidays: [] }]);
    expect(reviewers.pay).toEqual({ kind: 'hourly', perHour: 0 });
    expect(annotators.shifts[0].shifts).toEqual(allWeek);
  });

  it('refuses a pool with no shifts when a stage uses it', () => {
    const error = errorAfter((doc) => (doc.pools.annotators.shifts = []));
    expectError(error, 'pools.annotators.shifts', 'at least one shift (stage annotate uses this pool)', 'an empty list');
    const crew = errorAfter((doc) => (doc.pools.reviewers = { crews: [{ headcount: 2, shifts: [] }], pay: 'none' }));
    expectError(crew, 'pools.reviewers.crews[0].shifts', 'at least one shift (stage review uses this pool)');
  });

  it('refuses values of the wrong type', () => {
    expectError(
      errorAfter((doc) => (doc.pools.annotators.headcount = 'ten')),
      'pools.annotators.headcount',
      'a headcount: an integer >= 0',
      '"ten"',
    );
    expectError(
      errorAfter((doc) => (doc.replications = 2.5)),
      'replications',
      'a number of replications: an integer from 1 to 1000000',
      '2.5',
    );
    expectError(errorAfter((doc) => (doc.work = ['frames'])), 'work', 'a mapping of item type name to item type', 'a list of 1');
    expectError(errorAfter((doc) => (doc.deterministic = 'yes')), 'deterministic', 'true or false', '"yes"');
    expectError(errorAfter((doc) => (doc.stages.annotate.kind = 'label')), 'stages.annotate.kind', 'a stage kind: annotate or review', '"label"');
    expectError(
      errorAfter((doc) => (doc.pools.annotators.shifts[0].days = ['monday'])),
      'pools.annotators.shifts[0].days[0]',
      'a weekday: mon, tue, wed, thu, fri, sat or sun',
      '"monday"',
    );
  });

  it('refuses a duration without a unit', () => {
    const error = errorAfter((doc) => (doc.stages.annotate.handling = 36));
    expectError(error, 'stages.annotate.handling', /^a handling time: a duration like 36s, or one of/, '36');
    const deadline = errorAfter((doc) => (doc.deadline = 8));
    expectError(deadline, 'deadline', /^a deadline: a duration > 0 from the start like 8w, 10d or 36h, a date YYYY-MM-DD/, '8');
    const warmup = errorAfter((doc) => (doc.warmup = '3'));
    expectError(warmup, 'warmup', 'a duration with a unit, like 36s, 8h, 3d or 8w', '"3"');
  });

  it('names the field of a missing required value', () => {
    expectError(errorAfter((doc) => delete doc.name), 'name', /^a name of letters/, 'nothing');
    expectError(errorAfter((doc) => delete doc.stages.annotate.handling), 'stages.annotate.handling', /^a handling time/, 'nothing');
    expectError(errorAfter((doc) => delete doc.pools), 'pools', 'a mapping of pool name to pool', 'nothing');
    expectError(errorAfter((doc) => (doc.pools = {})), 'pools', 'at least one pool', 'an empty mapping');
  });

  it('refuses a name that is not a safe folder name', () => {
    for (const name of ['../../etc', '.', '..', 'a/b', 'with space', '']) {
      expectError(errorAfter((doc) => (doc.name = name)), 'name', /^a name of letters, digits/, JSON.stringify(name));
    }
    expectError(
      errorAfter((doc) => (doc.pools['../x'] = doc.pools.reviewers)),
      'pools["../x"]',
      /^a name of letters, digits/,
      'the name "../x"',
    );
  });

  it('refuses NaN and Infinity however they are written', () => {
    expectError(errorAfter((doc) => (doc.stages.review.sample = 'NaN')), 'stages.review.sample', /^a share/, '"NaN"');
    expectError(errorAfter((doc) => (doc.work.frames.complexity = 'Infinity')), 'work.frames.complexity', 'a complexity factor > 0', '"Infinity"');
    expectError(errorAfter((doc) => (doc.deadline = 'Infinityh')), 'deadline', /^a deadline: a duration > 0/, '"Infinityh"');
    expectError(errorAfter((doc) => (doc.deadline = '1e400h')), 'deadline', /^a deadline: a duration > 0/, '"1e400h"');
    expectError(errorAfter((doc) => (doc.work.frames.arrival = { poisson: '1e400/h' })), 'work.frames.arrival.poisson', /^a rate > 0/);
    const yamlNaN = `${stringify(minimalDocument())}seed: .nan\n`;
    expectError(errorOf(() => parseExperiment(yamlNaN, 'nan.yaml')), 'seed', /^a seed/, 'NaN');
    const yamlInf = stringify(minimalDocument()).replace('count: 1000', 'count: .inf');
    expectError(errorOf(() => parseExperiment(yamlInf, 'inf.yaml')), 'work.frames.count', /^an item count/, 'Infinity');
    const jsonHuge = JSON.stringify(minimalDocument()).replace('"count":1000', '"count":1e400');
    expectError(errorOf(() => parseExperiment(jsonHuge, 'huge.json')), 'work.frames.count', /^an item count/, 'Infinity');
  });
});

describe('a document that is well-formed but does not make sense', () => {
  it('refuses a start that is no calendar date (any weekday will do)', () => {
    expect(parseDoc({ ...minimalDocument(), start: '2027-01-05' }).plans[0].model.clock.startDate).toBe('2027-01-05');
    expectError(errorAfter((doc) => (doc.start = '2027-02-30')), 'start', /^a date YYYY-MM-DD/);
  });

  it('refuses an unknown time zone', () => {
    expectError(errorAfter((doc) => (doc.timeZone = 'Europe/Atlantis')), 'timeZone', /^an IANA time zone/, '"Europe/Atlantis"');
    expectError(errorAfter((doc) => (doc.pools.annotators.timeZone = 'CEST+1')), 'pools.annotators.timeZone', /^an IANA time zone/);
  });

  it('refuses a warm-up as long as the horizon and a horizon shorter than the deadline', () => {
    expectError(
      errorAfter((doc) => Object.assign(doc, { horizon: '4w', warmup: '4w' })),
      'warmup',
      'a warm-up shorter than the horizon (4w)',
      '"4w"',
    );
    expectError(
      errorAfter((doc) => Object.assign(doc, { horizon: '4w', deadline: '8w' })),
      'horizon',
      'a horizon at least as long as the deadline (8w)',
      '"4w"',
    );
  });

  it('refuses a workflow that does not start with one annotate stage followed by reviews', () => {
    expectError(
      errorAfter((doc) => (doc.work.frames.workflow = ['review', 'annotate'])),
      'work.frames.workflow[0]',
      'an annotate stage first',
      '"review", a review stage',
    );
    expectError(
      errorAfter((doc) => (doc.work.frames.workflow = ['annotate', 'reveiw'])),
      'work.frames.workflow[1]',
      'the name of a stage (annotate, review)',
      '"reveiw"',
    );
    expectError(
      errorAfter((doc) => (doc.work.frames.workflow = ['annotate', 'review', 'review'])),
      'work.frames.workflow[2]',
      'each stage once',
    );
    expectError(
      errorAfter((doc) => {
        doc.stages.label = doc.stages.annotate;
        delete doc.stages.annotate;
        delete doc.work.frames.workflow;
      }),
      'work.frames.workflow',
      /^a list of stage names \(review, label\)/,
    );
  });

  it('refuses consensus without adjudication and references to stages of the wrong kind', () => {
    expectError(
      errorAfter((doc) => (doc.stages.annotate.labels = 3)),
      'stages.annotate.adjudication',
      'the name of an annotate stage that settles disagreements (labels is 3)',
    );
    expectError(
      errorAfter((doc) => (doc.stages.annotate.escalation = 'review')),
      'stages.annotate.escalation',
      /^the name of another annotate stage/,
      '"review", a review stage',
    );
    expectError(
      errorAfter((doc) => Object.assign(doc.stages.annotate, { labels: 2, adjudication: 'annotate' })),
      'stages.annotate.adjudication',
      /^the name of another annotate stage/,
      '"annotate", this stage itself',
    );
  });

  it('refuses consensus asking for more labels than its pools have people, in the file or in a plan', () => {
    const adjudicated = (doc: Record<string, any>) => {
      doc.stages.adjudicate = { kind: 'annotate', pool: 'reviewers', handling: '1m' };
      Object.assign(doc.stages.annotate, { labels: 5, adjudication: 'adjudicate' });
    };
    expectError(errorAfter(adjudicated), 'stages.annotate.labels', 'at most 4 labels, one per person: pool annotators has 4 people', '5');
    expectError(
      errorAfter((doc) => {
        adjudicated(doc);
        doc.stages.annotate.labels = 3;
        doc.plans = { base: { patch: {} }, smaller: { patch: { pools: { annotators: { headcount: 2 } } } } };
      }),
      'plans.smaller.patch.stages.annotate.labels',
      'at most 2 labels, one per person: pool annotators has 2 people',
      '3',
    );
  });

  it('refuses a backlog without a count', () => {
    expectError(errorAfter((doc) => (doc.work.frames.count = null)), 'work.frames.count', /^an item count \(an integer >= 1\): a backlog needs one/);
  });

  it('refuses a pool with both headcount and crews, or neither', () => {
    expectError(
      errorAfter((doc) => (doc.pools.reviewers.crews = [{ headcount: 1, shifts: doc.pools.annotators.shifts }])),
      'pools.reviewers.crews',
      'either headcount (with shifts) or crews, not both',
    );
    expectError(errorAfter((doc) => delete doc.pools.reviewers.headcount), 'pools.reviewers.headcount', /^a headcount/, 'nothing');
  });

  it('refuses a shift pattern naming a day twice', () => {
    expectError(
      errorAfter((doc) => (doc.pools.annotators.shifts[0].days = ['mon', 'tue', 'mon'])),
      'pools.annotators.shifts[0].days[2]',
      'each day once',
      '"mon" again',
    );
  });

  it('checks the parameters of handling-time distributions', () => {
    expectError(
      errorAfter((doc) => (doc.stages.annotate.handling = { exponential: { mean: '0s' } })),
      'stages.annotate.handling.exponential.mean',
      'a duration > 0',
      '"0s"',
    );
    expectError(
      errorAfter((doc) => (doc.stages.annotate.handling = { uniform: { min: '50s', max: '20s' } })),
      'stages.annotate.handling.uniform.max',
      'a duration >= min (50s)',
      '"20s"',
    );
    expectError(
      errorAfter((doc) => (doc.stages.annotate.handling = { triangular: { min: '20s', mode: '70s', max: '60s' } })),
      'stages.annotate.handling.triangular.mode',
      'a duration from min (20s) to max (60s)',
    );
    expectError(
      errorAfter((doc) => (doc.stages.annotate.handling = { lognormal: { mean: '36s', cv: -1 } })),
      'stages.annotate.handling.lognormal.cv',
      'a coefficient of variation: a number >= 0',
      '-1',
    );
    expectError(
      errorAfter((doc) => (doc.stages.annotate.handling = { lognormal: { mean: '36s' } })),
      'stages.annotate.handling.lognormal.cv',
      'a coefficient of variation: a number >= 0',
      'nothing',
    );
    expectError(
      errorAfter((doc) => (doc.stages.annotate.handling = { empirical: ['30s', 'slow'] })),
      'stages.annotate.handling.empirical[1]',
      'a duration with a unit, like 36s, 8h, 3d or 8w',
      '"slow"',
    );
  });

  it('refuses pre-label floors above their factors', () => {
    const preLabels = {
      firstRetrainAfter: 100,
      retrainEvery: 100,
      retrainTime: '1d',
      retrainCost: 10,
      handlingFactor: 0.6,
      errorFactor: 0.9,
      improvement: 0.8,
      handlingFloor: 0.7,
    };
    expectError(errorAfter((doc) => (doc.preLabels = preLabels)), 'preLabels.handlingFloor', /^a factor in \(0, handlingFactor\]/, '0.7');
  });
});
