// Writing Excel workbooks (exceljs): one way to lay out a data sheet, shared by every export.
import ExcelJS from 'exceljs';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface SheetColumn<K extends string = string> {
  key: K;
  /** the Chinese header */
  header: string;
  width: number;
}

/** A new workbook, signed by the system. */
export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '15分钟社区生活圈';
  wb.created = new Date();
  return wb;
}

/** Adds a sheet whose first row holds the headers (bold, shaded, frozen), then one row per record. */
export function addTableSheet<K extends string>(
  wb: ExcelJS.Workbook,
  name: string,
  columns: readonly SheetColumn<K>[],
  rows: readonly Partial<Record<K, ExcelJS.CellValue>>[],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } };
  for (const r of rows) ws.addRow(r);
  return ws;
}

/** Text that a spreadsheet would take for a formula (= + - @, or a tab/CR before one) is written with a
 * leading apostrophe, so an exported name like "=HYPERLINK(…)" stays text (CSV/formula injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
export const escapeCellText = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);
/** What escapeCellText wrote, read back by the imports. */
export const unescapeCellText = (text: string): string =>
  text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;

/** The workbook as .xlsx bytes; every string cell of every sheet escaped on the way out. */
export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') cell.value = escapeCellText(cell.value);
      }),
    ),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Today in Shanghai as YYYYMMDD, for file names. */
export function shanghaiDateStamp(at = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at).replace(/-/g, '');
}
