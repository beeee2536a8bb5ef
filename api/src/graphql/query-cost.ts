// Query cost that multiplies down the tree: every field costs one for each time it will be resolved,
// and a list multiplies what lies below it by its page size (`first`, or the argument's default) or,
// for unpaged lists, by a declared estimate. So `centers(first: 100) { … offerings { service {
// offerings { … } } } }` costs what it would really make the server do, and is refused before
// anything runs when it exceeds the caller's budget.
import {
  Kind,
  getNamedType,
  getNullableType,
  isAbstractType,
  isListType,
  isObjectType,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { PAGE_DEFAULT, PAGE_MAX } from '@lc/domain';

/** Page-size arguments, in the order they are looked for. */
const PAGE_ARGS = ['first', 'last', 'limit'];

/** Unpaged lists: how many items one of them holds at most in practice ("Type.field"). Lists not named
 * here count DEFAULT_LIST_ESTIMATE. Scalar lists (tags, weekdays) cost nothing extra. */
export const LIST_ESTIMATES: Record<string, number> = {
  'Query.regions': 40,
  'Region.children': 40,
  'Region.centers': 50,
  'Center.offerings': 40,
  'Center.coveredCommunities': 20,
  'ServiceItem.offerings': 50,
  'ServiceOffering.schedule': 3,
  'Query.centerRanking': 1500,
  'Dashboard.ranking': 1500,
  'Query.centerDimensions': 1500,
  'Dashboard.centerDimensions': 1500,
  'SatisfactionReport.children': 50,
  'SatisfactionReport.byMonth': 24,
  'MenuReview.items': 200,
  'MenuReview.proposals': 50,
  'Query.deliveryDemand': 200,
  'CoverageReport.uncovered': 300,
  'TrainingNeed.centers': 50,
  'Query.surveys': 100,
};
export const DEFAULT_LIST_ESTIMATE = 20;
/** lists inside a connection (`edges`, `nodes`) are already counted by the connection's page size */
const CONNECTION_SUFFIX = 'Connection';

export interface CostInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown> | undefined;
}

function argValue(node: ValueNode | undefined, variables: Record<string, unknown> | undefined): unknown {
  if (!node) return undefined;
  if (node.kind === Kind.VARIABLE) return variables?.[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  return undefined;
}

/** The page size a field asks for, or null when it takes no page-size argument. */
function pageSize(
  field: GraphQLField<unknown, unknown>,
  args: Map<string, ValueNode>,
  variables: Record<string, unknown> | undefined,
): number | null {
  const pageArg = field.args.find((a) => PAGE_ARGS.includes(a.name));
  if (!pageArg) return null;
  {
    const given = argValue(args.get(pageArg.name), variables);
    const n =
      typeof given === 'number'
        ? given
        : typeof pageArg.defaultValue === 'number'
          ? pageArg.defaultValue
          : args.has(pageArg.name)
            ? PAGE_MAX // a variable left unset or of another kind: assume the largest page
            : PAGE_DEFAULT;
    return Math.max(0, Math.min(n, PAGE_MAX));
  }
}

/** How many items an unpaged list field returns: its connection's page inside a connection, else the
 * declared estimate. */
function listEstimate(
  parent: GraphQLNamedType,
  field: GraphQLField<unknown, unknown>,
  page: number | null,
): number {
  if (page !== null && parent.name.endsWith(CONNECTION_SUFFIX)) return page;
  return LIST_ESTIMATES[`${parent.name}.${field.name}`] ?? DEFAULT_LIST_ESTIMATE;
}

/** The cost of an operation: how many field resolutions it may cause, with lists multiplied out. */
export function operationCost({ schema, document, operation, variables }: CostInput): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!root) return 0;

  // `page`: the page size of the connection whose fields are being walked (its edges/nodes lists)
  const walk = (
    set: SelectionSetNode,
    type: GraphQLNamedType,
    times: number,
    seen: Set<string>,
    page: number | null = null,
  ): number => {
    let cost = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const cond = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type;
        cost += walk(sel.selectionSet, cond ?? type, times, seen, page);
        continue;
      }
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const name = sel.name.value;
        const frag = fragments.get(name);
        if (!frag || seen.has(name)) continue; // cycles are refused by validation
        const cond = schema.getType(frag.typeCondition.name.value) ?? type;
        cost += walk(frag.selectionSet, cond, times, new Set(seen).add(name), page);
        continue;
      }
      if (sel.name.value.startsWith('__')) {
        // introspection: __schema is as large as the schema; __typename costs nothing
        if (sel.name.value !== '__typename') cost += times * 500;
        continue;
      }
      const fields =
        isObjectType(type) || isAbstractType(type) ? ('getFields' in type ? type.getFields() : {}) : {};
      const field = (fields as Record<string, GraphQLField<unknown, unknown>>)[sel.name.value];
      if (!field) continue; // unknown fields are refused by validation
      cost += times;
      if (!sel.selectionSet) continue;
      const args = new Map((sel.arguments ?? []).map((a) => [a.name.value, a.value]));
      const size = pageSize(field, args, variables);
      const isList = isListType(getNullableType(field.type));
      const child = getNamedType(field.type);
      if (isList) {
        cost += walk(sel.selectionSet, child, times * (size ?? listEstimate(type, field, page)), seen);
      } else {
        // a connection: its page multiplies its edges/nodes, not its totalCount or pageInfo
        cost += walk(sel.selectionSet, child, times, seen, size);
      }
    }
    return cost;
  };
  return walk(operation.selectionSet, root, 1, new Set());
}
