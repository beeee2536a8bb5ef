// Look-ahead on the query: which fields a client selected below the current one, through named and
// inline fragments alike.
import {
  Kind,
  getNamedType,
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';

/** The fields of a selection set, fragments expanded. */
function fieldsOf(info: GraphQLResolveInfo, set: SelectionSetNode | undefined): FieldNode[] {
  if (!set) return [];
  return set.selections.flatMap((s) => {
    if (s.kind === Kind.FIELD) return [s];
    if (s.kind === Kind.INLINE_FRAGMENT) return fieldsOf(info, s.selectionSet);
    const fragment = info.fragments[s.name.value];
    return fragment ? fieldsOf(info, fragment.selectionSet) : [];
  });
}

/** Whether every selection of `field` (a field of the current field's type) asks only for fields
 * named in `allowed`; true when `field` is not selected at all. */
export function selectsOnly(info: GraphQLResolveInfo, field: string, allowed: ReadonlySet<string>): boolean {
  return info.fieldNodes
    .flatMap((node) => fieldsOf(info, node.selectionSet))
    .filter((f) => f.name.value === field)
    .every((f) => fieldsOf(info, f.selectionSet).every((sub) => allowed.has(sub.name.value)));
}

/** One field of a selection as the response will carry it: its response key (alias or name), the
 * field's name, its argument values and its own selection, fragments expanded and fields of the same
 * key merged (graphql-js's CollectFields, in the order the response lists them). */
export interface SelectedField {
  key: string;
  name: string;
  args: Record<string, unknown>;
  selection: SelectedField[];
}

/**
 * The selection of `set` on `type`, or null when it holds anything a plain walk cannot decide
 * without executing: a directive (@skip/@include and any other), a fragment on another type, a
 * field with a selection the type does not declare. Argument values come coerced (defaults applied).
 */
export function collectSelection(
  schema: GraphQLSchema,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  type: GraphQLObjectType,
  sets: readonly SelectionSetNode[],
): SelectedField[] | null {
  const byKey = new Map<string, { name: string; args: Record<string, unknown>; sets: SelectionSetNode[] }>();
  const visit = (set: SelectionSetNode): boolean => {
    for (const s of set.selections) {
      if (s.directives?.length) return false;
      if (s.kind === Kind.FIELD) {
        const key = s.alias?.value ?? s.name.value;
        const seen = byKey.get(key);
        if (seen) {
          if (s.selectionSet) seen.sets.push(s.selectionSet);
          continue;
        }
        const name = s.name.value;
        let args: Record<string, unknown> = {};
        if (name !== '__typename') {
          const def = type.getFields()[name];
          if (!def) return false;
          try {
            args = getArgumentValues(def, s, variables);
          } catch {
            return false;
          }
        }
        byKey.set(key, { name, args, sets: s.selectionSet ? [s.selectionSet] : [] });
        continue;
      }
      const fragment = s.kind === Kind.INLINE_FRAGMENT ? s : fragments[s.name.value];
      if (!fragment) return false;
      if (fragment.typeCondition && fragment.typeCondition.name.value !== type.name) return false;
      if (fragment.directives?.length) return false;
      if (!visit(fragment.selectionSet)) return false;
    }
    return true;
  };
  for (const set of sets) if (!visit(set)) return null;
  const out: SelectedField[] = [];
  for (const [key, f] of byKey) {
    let selection: SelectedField[] = [];
    if (f.sets.length) {
      const fieldType = getNamedType(type.getFields()[f.name]?.type);
      if (!isObjectType(fieldType)) return null;
      const sub = collectSelection(schema, fragments, variables, fieldType, f.sets);
      if (!sub) return null;
      selection = sub;
    }
    out.push({ key, name: f.name, args: f.args, selection });
  }
  return out;
}
