import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createSchema, SCHEMA_FILE, schemaSdl } from '../schema';
import { REPO_ROOT } from '../../config';

/** The public contract, as kept in the repository. */
const CONTRACT_DIR = path.join(REPO_ROOT, 'schema', 'contract');

describe('schema', () => {
  it('the committed schema/schema.graphql is current (run pnpm schema:emit)', async () => {
    const schema = await createSchema();
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed).toBe(schemaSdl(schema));
  });

  it('keeps the public contract parts without a breaking change', () => {
    const check = path.join(CONTRACT_DIR, 'check.mjs');
    const out = execFileSync('node', [check, SCHEMA_FILE, '00', '10', '20', '25', '30', '35', '40', '50'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(out).toContain('0 breaking change(s)');
  });

  // the repository keeps its own copy of the contract (schema/contract); when the shared source is
  // beside the clone, the copy must be the same, file for file
  const SHARED = path.join(REPO_ROOT, '..', 'shared', 'contract');
  (existsSync(SHARED) ? it : it.skip)('schema/contract is the same as ../shared/contract', () => {
    const names = (dir: string) => readdirSync(dir).sort();
    expect(names(CONTRACT_DIR)).toEqual(names(SHARED));
    for (const name of names(SHARED)) {
      expect({ name, text: readFileSync(path.join(CONTRACT_DIR, name), 'utf8') }).toEqual({
        name,
        text: readFileSync(path.join(SHARED, name), 'utf8'),
      });
    }
  });
});
