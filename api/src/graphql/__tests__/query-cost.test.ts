// The multiplying query cost: the SPAs' real documents fit their budgets (worst case: every page-size
// variable at its maximum), and the nested fan-out that once stalled the API does not.
import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, type DefinitionNode, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { config } from '../../config';
import { createSchema } from '../schema';
import { operationCost } from '../query-cost';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'gql' || e.name === 'node_modules' ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Every graphql(`…`) document of an SPA (codegen's client preset allows no interpolation in them). */
export function spaDefinitions(spa: string): DefinitionNode[] {
  return sourceFiles(path.join(ROOT, spa, 'src')).flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(/graphql\(\s*`([^`]*)`/g)].flatMap(
      (m) => parse(m[1]).definitions,
    ),
  );
}

describe('query cost', () => {
  let schema: Awaited<ReturnType<typeof createSchema>>;
  beforeAll(async () => {
    schema = await createSchema();
  });

  const cost = (document: DocumentNode, variables?: Record<string, unknown>) =>
    operationCost({
      schema,
      document,
      operation: document.definitions.find(
        (d) => d.kind === Kind.OPERATION_DEFINITION,
      ) as OperationDefinitionNode,
      variables,
    });

  it.each([
    ['web-resident', () => config.costBudgetAnonymous],
    ['web-admin', () => config.costBudgetSignedIn],
  ])('every operation %s sends fits its budget', (spa, budget) => {
    const defs = spaDefinitions(spa);
    const fragments = defs.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
    const operations = defs.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    expect(operations.length).toBeGreaterThan(10);
    const over = operations
      .map((op) => ({
        name: op.name?.value,
        cost: cost({ kind: Kind.DOCUMENT, definitions: [op, ...fragments] }),
      }))
      .filter((c) => c.cost > budget());
    expect(over).toEqual([]);
  });

  it('refuses the nested fan-out and multiplies by page sizes', () => {
    const fanOut = parse(
      `{centers(first:100){edges{node{offerings{service{offerings{center{offerings{service{name}}}}}}}}}}`,
    );
    expect(cost(fanOut)).toBeGreaterThan(config.costBudgetSignedIn);
    const small = parse(`query($n: Int) { centers(first: $n) { edges { node { name offerings { id } } } } }`);
    expect(cost(small, { n: 10 })).toBe(1 + 1 + 10 + 10 * 2 + 10 * 40);
    // a page-size variable left unset counts as the largest page
    expect(cost(small, {})).toBe(1 + 1 + 100 + 100 * 2 + 100 * 40);
    // no `first`: the default page
    expect(cost(parse(`{ centers { totalCount } }`))).toBe(2);
    expect(cost(parse(`{ centers { edges { node { id } } } }`))).toBe(1 + 1 + 20 + 20);
  });
});
