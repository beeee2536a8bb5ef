import {
  Kind,
  parse,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
} from 'graphql';
import { selectsOnly } from '../selection';

/** The resolve info of the query's first root field, as far as selectsOnly reads it. */
function infoOf(query: string): GraphQLResolveInfo {
  const doc = parse(query);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    doc.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const root = op.selectionSet.selections[0] as FieldNode;
  return { fieldNodes: [root], fragments } as unknown as GraphQLResolveInfo;
}

const LEAN = new Set(['id', 'name', 'street']);

describe('selectsOnly', () => {
  it.each([
    ['{ ranking { rank center { id name } } }', true],
    ['{ ranking { rank } }', true],
    ['{ ranking { center { id name address } } }', false],
    ['{ ranking { ...R } } fragment R on Rank { center { id street { name } } }', true],
    [
      '{ ranking { ...R } } fragment R on Rank { center { ...C } } fragment C on Center { id address }',
      false,
    ],
    ['{ ranking { ... on Rank { center { id phone } } center { id } } }', false],
    ['{ ranking { c: center { id } d: center { name } } }', true],
  ])('%s → %s', (query, lean) => {
    expect(selectsOnly(infoOf(query), 'center', LEAN)).toBe(lean);
  });
});
