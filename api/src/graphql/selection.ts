// Look-ahead on the query: which fields a client selected below the current one. Conservative:
// any fragment makes the answer "not only these".
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** Whether every selection of `field` (a field of the current field's type) asks only for fields
 * named in `allowed`; true when `field` is not selected at all. */
export function selectsOnly(info: GraphQLResolveInfo, field: string, allowed: ReadonlySet<string>): boolean {
  const onlyAllowed = (set: SelectionSetNode | undefined): boolean =>
    !set || set.selections.every((s) => s.kind === Kind.FIELD && allowed.has(s.name.value));
  return info.fieldNodes.every((node) =>
    (node.selectionSet?.selections ?? []).every((s) => {
      if (s.kind !== Kind.FIELD) return false;
      return s.name.value !== field || onlyAllowed(s.selectionSet);
    }),
  );
}
