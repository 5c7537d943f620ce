// schema/scenario.schema.json is generated from the loader's zod types; the committed copy must be current,
// and it must describe what the loader accepts.
import { readFile } from 'node:fs/promises';
import t from 'tap';
import { renderJsonSchema, SCHEMA_FILE } from '../../harness/scenario/write-json-schema.js';

t.test('the committed JSON Schema is up to date (run `npm run schema`)', async (t) => {
  const committed = await readFile(SCHEMA_FILE, 'utf8');
  t.equal(committed, renderJsonSchema());
});

t.test('the JSON Schema carries what editors need', async (t) => {
  const schema = JSON.parse(renderJsonSchema()) as {
    required: string[];
    properties: { steps: { items: { properties: Record<string, unknown>; oneOf: unknown[] } }; requires: { items: { enum: string[] } } };
  };
  t.same(schema.required, ['name', 'steps']);
  t.ok(schema.properties.steps.items.properties.s3, 'steps have s3');
  t.equal(schema.properties.steps.items.oneOf.length, 5, 'a step names exactly one of s3, iam, sts, admin, clock');
  t.ok(schema.properties.requires.items.enum.includes('webidentity'));
});
