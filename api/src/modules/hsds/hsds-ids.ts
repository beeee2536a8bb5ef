// HSDS identifiers are UUIDs. Ours are deterministic and reversible: the kind of record in the first
// group, the database id in the last (version 8, "custom", of RFC 9562), so /services/{id} finds its
// item without a mapping table and an id never changes between exports.
export const HSDS_KINDS = {
  service: 'a1000001',
  organization: 'a1000002',
  location: 'a1000003',
  service_at_location: 'a1000004',
  schedule: 'a1000005',
  taxonomy_term: 'a1000006',
  attribute: 'a1000007',
  address: 'a1000008',
  phone: 'a1000009',
  cost_option: 'a100000a',
  taxonomy: 'a100000b',
} as const;
export type HsdsKind = keyof typeof HSDS_KINDS;

export function hsdsId(kind: HsdsKind, id: number): string {
  return `${HSDS_KINDS[kind]}-0000-8000-8000-${id.toString(16).padStart(12, '0')}`;
}

/** The database id of an HSDS id of `kind`, or null. */
export function hsdsIdOf(kind: HsdsKind, uuid: string): number | null {
  const m = /^([0-9a-f]{8})-0000-8000-8000-([0-9a-f]{12})$/i.exec(uuid.trim());
  if (!m || m[1].toLowerCase() !== HSDS_KINDS[kind]) return null;
  const n = parseInt(m[2], 16);
  return Number.isSafeInteger(n) && n > 0 && n <= 0x7fffffff ? n : null;
}
