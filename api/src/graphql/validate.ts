// Input validation for TypeGraphQL: class-validator rules on input classes, reported as
// BAD_USER_INPUT with `extensions.fields` named by their path from the argument (e.g. `point.lat`).
import { getNamedType, type GraphQLField } from 'graphql';
import { validate, type ValidationError } from 'class-validator';
import type { ResolverData } from 'type-graphql';

type TypeValue = unknown;
import { badInput, type FieldError } from '../common/app-error';

function flatten(errors: ValidationError[], prefix: string): FieldError[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field: path, message }));
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/** The name of the argument whose GraphQL input type is `typeName`. */
function argName(data: ResolverData<object>, typeName: string): string {
  const field = data.info.parentType.getFields()[data.info.fieldName] as
    GraphQLField<unknown, unknown> | undefined;
  return field?.args.find((a) => getNamedType(a.type).name === typeName)?.name ?? '';
}

export async function validateArgument(
  value: unknown,
  type: TypeValue,
  data: ResolverData<object>,
): Promise<void> {
  if (value === null || typeof value !== 'object') return;
  const typeName = typeof type === 'function' && 'name' in type ? String(type.name) : '';
  const items = Array.isArray(value) ? value : [value];
  const prefix = argName(data, typeName);
  const fields: FieldError[] = [];
  for (const [i, item] of items.entries()) {
    if (item === null || typeof item !== 'object') continue;
    const errors = await validate(item as object, {
      skipMissingProperties: true,
      forbidUnknownValues: false,
    });
    fields.push(...flatten(errors, Array.isArray(value) ? `${prefix}[${i}]` : prefix));
  }
  if (fields.length) throw badInput(fields);
}
