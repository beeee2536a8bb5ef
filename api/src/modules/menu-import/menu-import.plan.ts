// From raw sheet rows to an import plan: every row validated with the same rule as the item form
// (checkServiceItemFields), matched to the menu's items (by code, else by name), and checked
// against the other rows of the file. Pure: no database, so it is tested on its own.
import { checkServiceItemFields, type ServiceItemFields } from '@lc/domain';
import { cleanItemFields, ITEM_FIELDS } from '../services/service-menu.service';
import { audiencesOfCell, categoryOfCell, columnLabel, type ColumnKey, type RawRow } from './menu-excel';

export type ItemField = (typeof ITEM_FIELDS)[number];

/** An item of the menu as it is now. */
export interface ExistingItem {
  id: number;
  code: string;
  name: string;
  category: string;
  description: string | null;
  audience: string[];
  fee: string | null;
  provider: string | null;
  department: string | null;
  retired: boolean;
}

/** The item fields a row sets. Name and category always; the others only when the file has the
 * column (a missing column leaves existing values as they are; an empty cell clears the value). */
export interface RowFields {
  name: string;
  category: string;
  description?: string | null;
  audience?: string[];
  fee?: string | null;
  provider?: string | null;
  department?: string | null;
}

export type RowAction = 'CREATE' | 'UPDATE' | 'UNCHANGED';

/** A valid row, as stored with the import between preview and apply. */
export interface PlannedRow {
  row: number;
  action: RowAction;
  /** the existing item an UPDATE or UNCHANGED row matched */
  itemId: number | null;
  /** its code */
  code: string | null;
  fields: RowFields;
}

export interface RowError {
  /** Excel row number (the header is row 1) */
  row: number;
  /** the column, e.g. `类别 (category)`; null for the whole row */
  field: string | null;
  message: string;
}

export interface ImportPlan {
  /** non-empty data rows */
  totalRows: number;
  rows: PlannedRow[];
  errors: RowError[];
}

const OPTIONAL_TEXT = ['description', 'fee', 'provider', 'department'] as const;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Whether applying the fields would change the item. */
export function changesItem(item: ExistingItem, fields: RowFields): boolean {
  return ITEM_FIELDS.some((f) => {
    const v = fields[f];
    return v !== undefined && !same(item[f], v);
  });
}

export function planImport(raw: RawRow[], columns: Set<ColumnKey>, existing: ExistingItem[]): ImportPlan {
  const byCode = new Map(existing.map((i) => [i.code, i]));
  const byName = new Map(existing.map((i) => [i.name, i]));
  const nameRow = new Map<string, number>();
  const codeRow = new Map<string, number>();
  const itemRow = new Map<number, number>();
  const rows: PlannedRow[] = [];
  const errors: RowError[] = [];

  for (const r of raw) {
    const rowErrors: RowError[] = [];
    const err = (key: ColumnKey | null, message: string) =>
      rowErrors.push({ row: r.row, field: key ? columnLabel(key) : null, message });
    const text = (k: ColumnKey) => r.cells[k] ?? '';

    const input: ServiceItemFields = {
      name: text('name'),
      category: text('category').trim() ? categoryOfCell(text('category')) : null,
    };
    if (columns.has('audience')) input.audience = audiencesOfCell(text('audience'));
    for (const k of OPTIONAL_TEXT) if (columns.has(k)) input[k] = text(k);
    for (const e of checkServiceItemFields(input)) err(e.field as ColumnKey, e.message);
    const clean = cleanItemFields(input);
    const fields: RowFields = { name: clean.name ?? '', category: (clean.category as string) ?? '' };
    if (clean.audience !== undefined) fields.audience = clean.audience;
    for (const k of OPTIONAL_TEXT) if (clean[k] !== undefined) fields[k] = clean[k];

    // Which item the row is about.
    const code = text('code').trim();
    let target: ExistingItem | undefined;
    if (code) {
      const first = codeRow.get(code);
      if (first !== undefined) err('code', `编号与第${first}行重复 / same code as row ${first}`);
      else codeRow.set(code, r.row);
      target = byCode.get(code);
      if (!target)
        err(
          'code',
          `编号“${code}”不是本清单的项目；新增项目请留空编号 / unknown code: leave it empty for a new item`,
        );
    } else if (fields.name) {
      target = byName.get(fields.name);
    }
    if (target) {
      if (target.retired)
        err(
          code ? 'code' : 'name',
          '该项目已停用，请先在清单中恢复 / the item is retired: reinstate it before importing',
        );
      const first = itemRow.get(target.id);
      if (first !== undefined)
        err(code ? 'code' : 'name', `与第${first}行是同一个项目 / the same item as row ${first}`);
      else itemRow.set(target.id, r.row);
    }

    if (fields.name) {
      const first = nameRow.get(fields.name);
      if (first !== undefined) err('name', `与第${first}行重名 / same name as row ${first}`);
      else nameRow.set(fields.name, r.row);
      // A renamed item must not take the name of another item of the menu.
      const holder = byName.get(fields.name);
      if (target && holder && holder.id !== target.id)
        err(
          'name',
          `本清单已有同名项目（编号 ${holder.code}）/ another item of the menu (${holder.code}) has this name`,
        );
    }

    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    rows.push({
      row: r.row,
      action: !target ? 'CREATE' : changesItem(target, fields) ? 'UPDATE' : 'UNCHANGED',
      itemId: target?.id ?? null,
      code: target?.code ?? null,
      fields,
    });
  }
  return { totalRows: raw.length, rows, errors };
}
