import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createSchema, SCHEMA_FILE, schemaSdl } from '../schema';
import { REPO_ROOT } from '../../config';

describe('schema', () => {
  it('the committed schema/schema.graphql is current (run pnpm schema:emit)', async () => {
    const schema = await createSchema();
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed).toBe(schemaSdl(schema));
  });

  it('keeps the public contract parts without a breaking change', () => {
    const check = path.join(REPO_ROOT, '..', 'shared', 'contract', 'check.mjs');
    const out = execFileSync('node', [check, SCHEMA_FILE, '00', '10', '20', '25', '30', '35', '40', '50'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(out).toContain('0 breaking change(s)');
  });
});
