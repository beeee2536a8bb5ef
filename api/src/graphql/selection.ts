// Look-ahead on the query: which fields a client selected below the current one, through named and
// inline fragments alike.
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

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
