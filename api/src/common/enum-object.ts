/** Turns a domain `as const` list into the object TypeGraphQL's registerEnumType wants. */
export function enumObject<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}
