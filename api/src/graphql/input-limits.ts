// One cap on every String argument and input field, schema-wide, checked before anything runs:
// at most STRING_MAX_LENGTH characters unless the field is named in STRING_LIMITS, and never a NUL
// byte (PostgreSQL cannot store one in text). Refusals are BAD_USER_INPUT naming each field by its
// path from the argument (`input.title`, `responses[0].answers[1].text`).
import {
  Kind,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isScalarType,
  valueFromAST,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { FieldError } from '../common/app-error';

/** Default cap of a string argument or input field, in characters. The cap is a backstop above the
 * domain's own limits (titles 80, addresses 200 …), which the services check and report together. */
export const STRING_MAX_LENGTH = 1_000;

/** Longer texts, by "InputType.field" or "ParentType.field(argument)"; "*.field" matches any type.
 * Add long text fields here (descriptions, bodies, minutes …). */
const LONG = 20_000;
export const STRING_LIMITS: Record<string, number> = {
  '*.description': LONG,
  '*.minutes': 50_000,
  '*.resolution': LONG,
  '*.body': LONG,
  '*.comment': LONG,
  '*.text': LONG,
  '*.reason': LONG,
  '*.suggestions': LONG,
  '*.suggestion': LONG,
  '*.findings': LONG,
  '*.note': LONG,
  '*.notes': LONG,
  '*.availability': LONG,
  // files sent inline (base64): 5 MB before encoding
  '*.contentBase64': 7_000_000,
};

function limitFor(owner: string, field: string): number {
  return STRING_LIMITS[`${owner}.${field}`] ?? STRING_LIMITS[`*.${field}`] ?? STRING_MAX_LENGTH;
}

const MAX_REPORTED = 20;

function checkValue(
  value: unknown,
  type: GraphQLInputType,
  limit: number,
  path: string,
  out: FieldError[],
  depth: number,
): void {
  if (value === null || value === undefined || out.length >= MAX_REPORTED || depth > 32) return;
  const t = getNullableType(type) as GraphQLInputType;
  if (isListType(t)) {
    if (!Array.isArray(value)) return checkValue(value, t.ofType, limit, path, out, depth + 1);
    value.forEach((v, i) => checkValue(v, t.ofType, limit, `${path}[${i}]`, out, depth + 1));
    return;
  }
  if (isInputObjectType(t)) {
    if (typeof value !== 'object') return;
    const fields = t.getFields();
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const f = fields[k];
      if (f) checkValue(v, f.type, limitFor(t.name, k), `${path}.${k}`, out, depth + 1);
    }
    return;
  }
  if ((isScalarType(t) || isEnumType(t)) && typeof value === 'string') {
    if (value.includes('\u0000')) {
      out.push({ field: path, message: '不能包含空字符 (NUL) / must not contain a NUL character' });
    } else if (value.length > limit) {
      out.push({ field: path, message: `不能超过${limit}个字符 / must be at most ${limit} characters` });
    }
  }
}

/** Every string the operation passes (literals and variables), checked; the field errors found. */
export function checkInputStrings(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): FieldError[] {
  const out: FieldError[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode, type: GraphQLNamedType | null | undefined): void => {
    if (!type) return;
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        walk(sel.selectionSet, sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type);
      } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const frag = fragments.get(sel.name.value);
        if (!frag || seen.has(frag.name.value)) continue;
        seen.add(frag.name.value);
        walk(frag.selectionSet, schema.getType(frag.typeCondition.name.value));
      } else {
        const fields =
          'getFields' in type ? (type.getFields() as Record<string, GraphQLField<unknown, unknown>>) : {};
        const field = fields[sel.name.value];
        if (!field) continue;
        for (const argNode of sel.arguments ?? []) {
          const arg = field.args.find((a) => a.name === argNode.name.value);
          if (!arg) continue;
          const value =
            argNode.value.kind === Kind.VARIABLE
              ? variables?.[argNode.value.name.value]
              : valueFromAST(argNode.value, arg.type, variables);
          const limit =
            STRING_LIMITS[`${type.name}.${field.name}(${arg.name})`] ?? limitFor(type.name, arg.name);
          checkValue(value, arg.type, limit, arg.name, out, 0);
        }
        if (sel.selectionSet) walk(sel.selectionSet, getNamedType(field.type));
      }
    }
  };
  if (root) walk(operation.selectionSet, root);
  return out;
}
