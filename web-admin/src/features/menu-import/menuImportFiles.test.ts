import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  dataUrlPayload,
  isXlsxName,
  readFileAsBase64,
  uploadPercent,
} from './menuImportFiles';

describe('menu import files', () => {
  it('accepts .xlsx names only', () => {
    expect(isXlsxName('长征镇街镇特色清单.xlsx')).toBe(true);
    expect(isXlsxName('MENU.XLSX ')).toBe(true);
    expect(isXlsxName('menu.xls')).toBe(false);
    expect(isXlsxName('menu.csv')).toBe(false);
  });

  it('reads a file as base64 with progress, and decodes it back', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x80]);
    const seen: number[] = [];
    const b64 = await readFileAsBase64(new Blob([bytes]), (f) => seen.push(f));
    expect(b64).toBe('UEsDBP8AgA==');
    expect(seen[seen.length - 1]).toBe(1);
    expect([...base64ToBytes(b64)]).toEqual([...bytes]);
  });

  it('strips a data URL prefix', () => {
    expect(dataUrlPayload('data:application/octet-stream;base64,QUJD')).toBe('QUJD');
    expect(dataUrlPayload('QUJD')).toBe('QUJD');
  });

  it('splits the upload bar between reading and checking, never full before the answer', () => {
    expect(uploadPercent('reading', 0)).toBe(0);
    expect(uploadPercent('reading', 1)).toBe(40);
    expect(uploadPercent('checking', 0)).toBe(40);
    expect(uploadPercent('checking', 1)).toBe(95);
    expect(uploadPercent('checking', 7)).toBe(95);
  });
});
