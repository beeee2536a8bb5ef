// The Excel side of menu import and export: the template's columns (Chinese headers), writing a
// menu to a workbook with an explanation sheet, and reading an uploaded workbook into raw rows.
import ExcelJS from 'exceljs';
import {
  AUDIENCES,
  AUDIENCE_LABELS,
  SERVICE_CATEGORIES,
  SERVICE_CATEGORY_LABELS,
  SERVICE_MENU_LABELS,
  SERVICE_NAME_MAX_LENGTH,
  SERVICE_SHORT_TEXT_MAX_LENGTH,
  SERVICE_TEXT_MAX_LENGTH,
  type ServiceMenu,
} from '@lc/domain';
import { addTableSheet, newWorkbook, unescapeCellText, workbookBuffer } from '../../common/excel';

/** The template's columns in order; `key` is the service item field the column fills. */
export const COLUMNS = [
  { key: 'code', header: '编号', width: 22 },
  { key: 'name', header: '名称', width: 30 },
  { key: 'category', header: '类别', width: 12 },
  { key: 'description', header: '简介', width: 50 },
  { key: 'audience', header: '服务对象', width: 26 },
  { key: 'fee', header: '收费', width: 14 },
  { key: 'provider', header: '提供方', width: 24 },
  { key: 'department', header: '来源部门', width: 18 },
] as const;

export type ColumnKey = (typeof COLUMNS)[number]['key'];
/** columns a file must have */
export const REQUIRED_COLUMNS: readonly ColumnKey[] = ['name', 'category'];

export const HEADER_OF: Record<ColumnKey, string> = Object.fromEntries(
  COLUMNS.map((c) => [c.key, c.header]),
) as Record<ColumnKey, string>;

/** How an error names a column: the Chinese header and the field code, e.g. `类别 (category)`. */
export function columnLabel(key: ColumnKey): string {
  return `${HEADER_OF[key]} (${key})`;
}

export const DATA_SHEET = '服务项目';
export const HELP_SHEET = '填写说明';
export { XLSX_MIME } from '../../common/excel';
/** separator written between audiences; reading also accepts , ， ; ； and line breaks */
export const AUDIENCE_SEPARATOR = '、';
export const AUDIENCE_SPLIT = /[、,，;；\n\r]+/;

/** A header cell's text as a column: the Chinese header or the field code, ignoring spaces, a
 * trailing `*` and a parenthesised note such as 名称（必填）. */
export function columnOfHeader(text: string): ColumnKey | null {
  const t = text
    .replace(/\s+/g, '')
    .replace(/[（(].*[)）]$/, '')
    .replace(/[*＊]+$/, '')
    .replace(/^[*＊]+/, '');
  for (const c of COLUMNS) {
    if (t === c.header || t.toLowerCase() === c.key.toLowerCase()) return c.key;
  }
  return null;
}

/** A category cell: the Chinese or English label or the code; unknown text comes back unchanged
 * (so the shared validation names it). */
export function categoryOfCell(text: string): string {
  const t = text.trim();
  for (const code of SERVICE_CATEGORIES) {
    const l = SERVICE_CATEGORY_LABELS[code];
    if (t === l['zh-CN'] || t.toLowerCase() === l.en.toLowerCase() || t.toUpperCase() === code) return code;
  }
  return t;
}

/** An audience cell: labels or codes separated by 、 or commas, as codes (unknown text unchanged). */
export function audiencesOfCell(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(AUDIENCE_SPLIT)) {
    const t = part.trim();
    if (!t) continue;
    const code =
      AUDIENCES.find((a) => {
        const l = AUDIENCE_LABELS[a];
        return t === l['zh-CN'] || t.toLowerCase() === l.en.toLowerCase() || t.toUpperCase() === a;
      }) ?? t;
    if (!out.includes(code)) out.push(code);
  }
  return out;
}

export const categoryLabel = (code: string): string =>
  SERVICE_CATEGORY_LABELS[code as keyof typeof SERVICE_CATEGORY_LABELS]?.['zh-CN'] ?? code;
export const audienceLabel = (code: string): string =>
  AUDIENCE_LABELS[code as keyof typeof AUDIENCE_LABELS]?.['zh-CN'] ?? code;

/** A row of the menu as exported. */
export interface ExportItem {
  code: string;
  name: string;
  category: string;
  description: string | null;
  audience: string[];
  fee: string | null;
  provider: string | null;
  department: string | null;
}

export interface ImportLimits {
  maxRows: number;
  maxBytes: number;
}

/** Writes the menu (or, with no items, the empty template) and the explanation sheet. */
export async function writeMenuWorkbook(
  title: { regionName: string; menu: ServiceMenu },
  items: ExportItem[],
  limits: ImportLimits,
): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = addTableSheet(
    wb,
    DATA_SHEET,
    COLUMNS,
    items.map((it) => ({
      code: it.code,
      name: it.name,
      category: categoryLabel(it.category),
      description: it.description ?? '',
      audience: it.audience.map(audienceLabel).join(AUDIENCE_SEPARATOR),
      fee: it.fee ?? '',
      provider: it.provider ?? '',
      department: it.department ?? '',
    })),
  );
  // A drop-down of the category labels below the header (typing a code is accepted too).
  const lastRow = Math.max(items.length + 1, 1) + 500;
  const categoryCol = COLUMNS.findIndex((c) => c.key === 'category') + 1;
  const colLetter = String.fromCharCode(64 + categoryCol);
  (
    ws as unknown as { dataValidations: { add: (range: string, v: ExcelJS.DataValidation) => void } }
  ).dataValidations.add(`${colLetter}2:${colLetter}${lastRow}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${SERVICE_CATEGORIES.map((c) => SERVICE_CATEGORY_LABELS[c]['zh-CN']).join(',')}"`],
    showErrorMessage: false,
  });

  const help = wb.addWorksheet(HELP_SHEET);
  help.columns = [
    { key: 'a', width: 16 },
    { key: 'b', width: 12 },
    { key: 'c', width: 90 },
  ];
  const bold = (r: ExcelJS.Row) => {
    r.font = { bold: true };
  };
  bold(help.addRow([`${title.regionName} ${SERVICE_MENU_LABELS[title.menu]['zh-CN']} 导入说明`]));
  help.addRow([]);
  bold(help.addRow(['列名', '是否必填', '说明']));
  const categories = SERVICE_CATEGORIES.map((c) => SERVICE_CATEGORY_LABELS[c]['zh-CN']).join('、');
  const audiences = AUDIENCES.map((a) => AUDIENCE_LABELS[a]['zh-CN']).join('、');
  const columnHelp: Record<ColumnKey, [string, string]> = {
    code: [
      '否',
      '已有项目的编号（导出时自动填写，请勿修改）。新增项目留空。有编号的行更新该项目（可以改名）；没有编号但名称与本清单已有项目相同的行，也更新该项目。',
    ],
    name: ['是', `不超过${SERVICE_NAME_MAX_LENGTH}字；同一文件中不能重名，也不能与本清单其他项目重名。`],
    category: ['是', `以下之一：${categories}（也可填写代码，如 DAILY_LIFE）。`],
    description: ['否', `不超过${SERVICE_TEXT_MAX_LENGTH}字。`],
    audience: ['否', `可填多个，用“、”或“,”分隔：${audiences}（也可填写代码）。留空表示面向全体居民。`],
    fee: ['否', `如“免费”“10元/次”，不超过${SERVICE_SHORT_TEXT_MAX_LENGTH}字。`],
    provider: ['否', `提供服务的单位或个人，不超过${SERVICE_SHORT_TEXT_MAX_LENGTH}字。`],
    department: ['否', `项目下沉的来源部门，不超过${SERVICE_SHORT_TEXT_MAX_LENGTH}字。`],
  };
  for (const c of COLUMNS) help.addRow([c.header, ...columnHelp[c.key]]);
  help.addRow([]);
  bold(help.addRow(['类别', '代码']));
  for (const c of SERVICE_CATEGORIES) help.addRow([SERVICE_CATEGORY_LABELS[c]['zh-CN'], c]);
  help.addRow([]);
  bold(help.addRow(['服务对象', '代码']));
  for (const a of AUDIENCES) help.addRow([AUDIENCE_LABELS[a]['zh-CN'], a]);
  help.addRow([]);
  bold(help.addRow(['导入规则']));
  for (const line of [
    `第一张工作表“${DATA_SHEET}”的第1行是表头，数据从第2行开始；空行会被跳过。`,
    `每个文件最多${limits.maxRows.toLocaleString('en-US')}行、${Math.round(limits.maxBytes / 1024 / 1024)}MB，只接受 .xlsx 格式。`,
    '上传后先预览：列出每一行将新增还是更新，以及每个有问题的行和原因。',
    '文件中有任何错误都不能导入：请改正后重新上传。确认导入时全部行一起写入，要么全部成功，要么全部不写入。',
    '文件中没有的项目保持不变（导入不会删除或停用项目）；已停用的项目请先在清单中恢复再导入。',
    '每一处修改都记入变更记录，注明来自本次导入。',
  ]) {
    help.addRow(['', '', line]);
  }
  help.getColumn('c').alignment = { wrapText: true, vertical: 'top' };

  return workbookBuffer(wb);
}

/** One data row of an uploaded sheet: the Excel row number and the text of each known column. */
export interface RawRow {
  row: number;
  cells: Partial<Record<ColumnKey, string>>;
}

export interface ParsedSheet {
  /** the columns the file has */
  columns: Set<ColumnKey>;
  rows: RawRow[];
}

export class SheetProblem extends Error {}

/** Text of a cell whatever Excel stored: shared or rich text, numbers, formulas (their result),
 * hyperlinks (their text), dates (YYYY-MM-DD). */
export function cellText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return unescapeCellText(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v) return cellText((v as { result?: ExcelJS.CellValue }).result);
    if ('hyperlink' in v) return cellText((v as { text?: ExcelJS.CellValue }).text);
    if ('error' in v) return '';
    if ('text' in v) return cellText((v as { text?: ExcelJS.CellValue }).text);
  }
  return '';
}

// Parts of a sheet the import never reads. Skipping them also keeps a crafted file from making
// exceljs expand huge ranges (a validation or merge over a million cells).
export const IGNORED_NODES = [
  'dataValidations',
  'conditionalFormatting',
  'mergeCells',
  'hyperlinks',
  'autoFilter',
  'rowBreaks',
  'drawing',
  'picture',
  'tableParts',
  'extLst',
  'sheetProtection',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'pageMargins',
];

/** Reads the first sheet whose first row holds the headers (名称 and 类别 at least). */
export async function readMenuWorkbook(buf: Buffer, limits: ImportLimits): Promise<ParsedSheet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer, { ignoreNodes: IGNORED_NODES });
  } catch {
    throw new SheetProblem(
      '无法读取文件，请上传 .xlsx 格式的 Excel 文件 / unreadable file: upload an .xlsx workbook',
    );
  }
  let sheet: ExcelJS.Worksheet | undefined;
  let columnAt = new Map<number, ColumnKey>();
  const candidates = [...wb.worksheets].sort((a, b) =>
    a.name === DATA_SHEET ? -1 : b.name === DATA_SHEET ? 1 : 0,
  );
  for (const ws of candidates) {
    const found = new Map<number, ColumnKey>();
    const seen = new Set<ColumnKey>();
    const duplicated: string[] = [];
    ws.getRow(1).eachCell((cell, col) => {
      const key = columnOfHeader(cellText(cell.value));
      if (!key) return;
      if (seen.has(key)) duplicated.push(HEADER_OF[key]);
      seen.add(key);
      found.set(col, key);
    });
    if (!seen.has('name')) continue;
    if (duplicated.length)
      throw new SheetProblem(`表头重复：${duplicated.join('、')} / repeated column headers`);
    const missing = REQUIRED_COLUMNS.filter((k) => !seen.has(k));
    if (missing.length)
      throw new SheetProblem(
        `表头缺少列：${missing.map((k) => HEADER_OF[k]).join('、')} / missing columns: ${missing.join(', ')}`,
      );
    sheet = ws;
    columnAt = found;
    break;
  }
  if (!sheet)
    throw new SheetProblem(
      '找不到表头：第1行应为“编号、名称、类别……”，请使用下载的模板 / no header row found: use the template',
    );
  if (sheet.actualRowCount - 1 > limits.maxRows)
    throw new SheetProblem(
      `最多${limits.maxRows}行，文件有${sheet.actualRowCount - 1}行 / at most ${limits.maxRows} rows per file`,
    );
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Partial<Record<ColumnKey, string>> = {};
    let any = false;
    for (const [col, key] of columnAt) {
      const text = cellText(r.getCell(col).value);
      cells[key] = text;
      if (text.trim()) any = true;
    }
    if (any) rows.push({ row: rowNumber, cells });
  });
  if (rows.length > limits.maxRows)
    throw new SheetProblem(`最多${limits.maxRows}行 / at most ${limits.maxRows} rows per file`);
  return { columns: new Set(columnAt.values()), rows };
}
