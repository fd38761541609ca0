/**
 * The JSON Schema of a plan's patch, made from the schema of the model fields, so that an editor
 * completes and checks the fields inside `patch:` as it does at the top of the file. A patch is
 * a JSON Merge Patch (RFC 7386): every field optional, null deletes one, a mapping is merged
 * field by field and any other value (a list, a duration) replaces the value. zod still checks
 * a patch by validating the patched document (experiment.ts), which also catches what a schema
 * of the patch alone cannot see, such as a stage naming a pool that no longer exists.
 */
type Schema = Record<string, unknown>;

const NULL_DELETES: Schema = { type: 'null', description: 'null deletes the field (JSON Merge Patch)' };

const isObjectSchema = (s: Schema) => s.type === 'object';

/** The schema of a patch of a value of `schema`. */
export function patchSchema(schema: Schema): Schema {
  const { default: _default, required: _required, oneOf, ...rest } = schema;
  // oneOf (a discriminated union, the stage kinds) becomes anyOf: with every field optional, a
  // patch such as { handling: 20s } fits both kinds, and oneOf would refuse it for that.
  if (Array.isArray(oneOf)) return patchOfUnion(rest, oneOf as Schema[]);
  if (Array.isArray(rest.anyOf)) return patchOfUnion(rest, rest.anyOf as Schema[]);
  if (!isObjectSchema(rest)) return rest;
  const out: Schema = { ...rest };
  if (rest.properties !== undefined) {
    out.properties = Object.fromEntries(Object.entries(rest.properties as Record<string, Schema>).map(([k, v]) => [k, orNull(patchSchema(v))]));
  }
  // A mapping of names (pools, stages): a new name is a whole new entry, a known one is merged.
  // One schema covers both: the patch of an entry, which is also an entry missing nothing required.
  if (typeof rest.additionalProperties === 'object' && rest.additionalProperties !== null && Object.keys(rest.additionalProperties).length > 0) {
    out.additionalProperties = orNull(patchSchema(rest.additionalProperties as Schema));
  }
  return out;
}

/**
 * A patch of one of several forms: a mapping branch merges into whichever mapping the value
 * has, so the mapping branches become one mapping of all their fields (pay: { hourly: 25/h,
 * salaried: null } switches a pool's pay); the other branches (a duration, `always`) replace.
 */
function patchOfUnion(rest: Schema, branches: Schema[]): Schema {
  const { anyOf: _anyOf, ...outer } = rest;
  const objects = branches.filter(isObjectSchema).map(patchSchema);
  const others = branches.filter((b) => !isObjectSchema(b)).map((b) => patchSchema(b));
  if (objects.length <= 1) return { ...outer, anyOf: [...others, ...objects] };
  const properties: Record<string, Schema> = {};
  for (const o of objects) {
    for (const [k, v] of Object.entries((o.properties ?? {}) as Record<string, Schema>)) {
      const seen = properties[k];
      properties[k] = seen === undefined || JSON.stringify(seen) === JSON.stringify(v) ? v : { anyOf: [seen, v] };
    }
  }
  const closed = objects.every((o) => o.additionalProperties === false);
  const merged: Schema = { type: 'object', properties, ...(closed ? { additionalProperties: false } : {}) };
  return { ...outer, anyOf: [...others, merged] };
}

function orNull(s: Schema): Schema {
  if (Array.isArray(s.anyOf) && (s.anyOf as Schema[]).some((b) => b.type === 'null')) return s;
  const { description, ...rest } = s;
  return { ...(description === undefined ? {} : { description }), anyOf: [rest, NULL_DELETES] };
}
