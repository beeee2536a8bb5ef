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

export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Today in Shanghai as YYYYMMDD, for file names. */
export function shanghaiDateStamp(at = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at).replace(/-/g, '');
}
