// Paper responses in Excel: the template (one column per question, headed by its text; choices as
// their text, several separated by 、) and reading a filled-in workbook back into answers. The
// workbook reading reuses the menu import's cell and zip handling (menu-excel.ts, zip-guard.ts).
import ExcelJS from 'exceljs';
import { DIMENSION_LABELS, QUESTION_KIND_LABELS, SCORE_MAX } from '@lc/domain';
import { addTableSheet, newWorkbook, workbookBuffer } from '../../common/excel';
import { IGNORED_NODES, SheetProblem, cellText } from '../menu-import/menu-excel';
import { SURVEY_TEXT_MAX_LENGTH, type RawAnswer } from './survey-answers';
import type { Survey, SurveyQuestion } from './survey.entity';
import { CHOICE_SEPARATOR } from './survey.service';

export const RESPONSES_SHEET = '问卷回答';
export const HELP_SHEET = '填写说明';
export const SURVEY_IMPORT_MAX_ROWS = 2000;
export const SURVEY_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** reading also accepts line breaks between choices */
const CHOICE_SPLIT = /[、\n\r]+/;

export interface ImportProblem {
  row: number;
  field: string | null;
  message: string;
}

export interface ParsedResponses {
  /** problems of the header row */
  problems: ImportProblem[];
  rows: { row: number; answers: RawAnswer[] }[];
}

const columnLetter = (n: number): string => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

function howToFill(q: SurveyQuestion): string {
  switch (q.kind) {
    case 'SCORE':
      return `填0到${SCORE_MAX}的整数${q.dimension ? `（计入“${DIMENSION_LABELS[q.dimension]['zh-CN']}”）` : ''}`;
    case 'SINGLE_CHOICE':
      return `填以下选项之一：${(q.options ?? []).join(CHOICE_SEPARATOR)}`;
    case 'MULTIPLE_CHOICE':
      return `填一个或多个选项，用“${CHOICE_SEPARATOR}”分隔：${(q.options ?? []).join(CHOICE_SEPARATOR)}`;
    case 'TEXT':
      return `文字，不超过${SURVEY_TEXT_MAX_LENGTH}字`;
  }
}

/** The empty template of a survey, with an explanation sheet. */
export async function writeResponseTemplate(
  survey: Survey,
  questions: readonly SurveyQuestion[],
): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = addTableSheet(
    wb,
    RESPONSES_SHEET,
    questions.map((q) => ({
      key: `q${q.id}`,
      header: q.text,
      width: Math.min(60, Math.max(14, q.text.length * 2 + 2, q.kind === 'TEXT' ? 40 : 0)),
    })),
    [],
  );
  const validations = (
    ws as unknown as { dataValidations: { add: (range: string, v: ExcelJS.DataValidation) => void } }
  ).dataValidations;
  questions.forEach((q, i) => {
    const col = columnLetter(i + 1);
    const range = `${col}2:${col}${SURVEY_IMPORT_MAX_ROWS + 1}`;
    if (q.kind === 'SCORE') {
      validations.add(range, {
        type: 'whole',
        operator: 'between',
        allowBlank: true,
        formulae: [0, SCORE_MAX],
        showErrorMessage: true,
        error: `请填0到${SCORE_MAX}的整数`,
      });
    }
    const list = (q.options ?? []).join(',');
    // a drop-down only where Excel can hold the list (at most 255 characters, no commas or quotes)
    if (q.kind === 'SINGLE_CHOICE' && list.length <= 250 && !(q.options ?? []).some((o) => /[,"]/.test(o))) {
      validations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${list}"`],
        showErrorMessage: false,
      });
    }
  });
  const help = wb.addWorksheet(HELP_SHEET);
  help.columns = [
    { key: 'a', width: 8 },
    { key: 'b', width: 40 },
    { key: 'c', width: 14 },
    { key: 'd', width: 8 },
    { key: 'e', width: 70 },
  ];
  const bold = (r: ExcelJS.Row) => {
    r.font = { bold: true };
  };
  bold(help.addRow([`${survey.title} 纸质问卷录入说明`]));
  help.addRow([]);
  bold(help.addRow(['题号', '题目（表头）', '题型', '必答', '填写方法']));
  for (const q of questions)
    help.addRow([
      q.position,
      q.text,
      QUESTION_KIND_LABELS[q.kind]['zh-CN'],
      q.required ? '是' : '否',
      howToFill(q),
    ]);
  help.addRow([]);
  bold(help.addRow(['导入规则']));
  for (const line of [
    `第一张工作表“${RESPONSES_SHEET}”的第1行是表头（题目原文，请勿修改），每份纸质问卷填一行；空行会被跳过。`,
    `每个文件最多${SURVEY_IMPORT_MAX_ROWS}行，只接受 .xlsx 格式。`,
    '先检查再导入：检查列出每个有问题的单元格；有任何错误都不会导入，要么全部导入，要么全部不导入。',
    '同一个文件重复导入不会重复计数。',
  ])
    help.addRow(['', line]);
  return workbookBuffer(wb);
}

const headerText = (v: ExcelJS.CellValue | undefined) =>
  cellText(v)
    .trim()
    .replace(/\s*[*＊]+$/, '')
    .trim();

/** Reads the answers of every non-blank row. Throws SheetProblem when the file is unreadable. */
export async function readResponseWorkbook(
  buf: Buffer,
  questions: readonly SurveyQuestion[],
): Promise<ParsedResponses> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer, { ignoreNodes: IGNORED_NODES });
  } catch {
    throw new SheetProblem(
      '无法读取文件，请上传 .xlsx 格式的 Excel 文件 / unreadable file: upload an .xlsx workbook',
    );
  }
  const byText = new Map(questions.map((q) => [q.text, q]));
  const sheets = [...wb.worksheets].sort((a, b) =>
    a.name === RESPONSES_SHEET ? -1 : b.name === RESPONSES_SHEET ? 1 : 0,
  );
  const sheet = sheets.find((ws) => {
    let hit = false;
    ws.getRow(1).eachCell((cell) => {
      if (byText.has(headerText(cell.value))) hit = true;
    });
    return hit;
  });
  if (!sheet)
    throw new SheetProblem(
      '找不到表头：第1行应为问卷的题目，请使用下载的模板 / no header row with the survey’s questions: use the template',
    );
  if (sheet.actualRowCount - 1 > SURVEY_IMPORT_MAX_ROWS)
    throw new SheetProblem(
      `最多${SURVEY_IMPORT_MAX_ROWS}行 / at most ${SURVEY_IMPORT_MAX_ROWS} rows per file`,
    );

  const problems: ImportProblem[] = [];
  const columnOf = new Map<number, SurveyQuestion>();
  const seen = new Set<number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const text = headerText(cell.value);
    if (!text) return;
    const q = byText.get(text);
    if (!q)
      problems.push({ row: 1, field: text, message: '不是本问卷的题目 / not a question of this survey' });
    else if (seen.has(q.id)) problems.push({ row: 1, field: text, message: '表头重复 / repeated column' });
    else {
      seen.add(q.id);
      columnOf.set(col, q);
    }
  });
  for (const q of questions) {
    if (q.required && !seen.has(q.id))
      problems.push({
        row: 1,
        field: q.text,
        message: '缺少必答题的列 / the column of a required question is missing',
      });
  }

  const rows: ParsedResponses['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    if (rowNumber === 1) return;
    const answers: RawAnswer[] = [];
    for (const [col, q] of columnOf) {
      const t = cellText(r.getCell(col).value).trim();
      if (!t) continue;
      if (q.kind === 'SCORE')
        answers.push({ questionId: q.id, score: /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN });
      else if (q.kind === 'SINGLE_CHOICE') answers.push({ questionId: q.id, choice: [t] });
      else if (q.kind === 'MULTIPLE_CHOICE')
        answers.push({
          questionId: q.id,
          choice: t
            .split(CHOICE_SPLIT)
            .map((c) => c.trim())
            .filter(Boolean),
        });
      else answers.push({ questionId: q.id, text: t });
    }
    if (answers.length) rows.push({ row: rowNumber, answers });
  });
  if (rows.length > SURVEY_IMPORT_MAX_ROWS)
    throw new SheetProblem(
      `最多${SURVEY_IMPORT_MAX_ROWS}行 / at most ${SURVEY_IMPORT_MAX_ROWS} rows per file`,
    );
  return { problems, rows };
}
