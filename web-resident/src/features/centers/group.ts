import { SERVICE_CATEGORIES } from '@lc/domain';

/** Groups items by category in the menu's fixed order (党群, 政务, 生活, …); unknown categories last. */
export function groupByCategory<T>(
  items: ReadonlyArray<T>,
  categoryOf: (item: T) => string,
): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = categoryOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  const order = SERVICE_CATEGORIES as readonly string[];
  const rank = (c: string) => (order.includes(c) ? order.indexOf(c) : order.length);
  return [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]));
}
