// Files in and out of the browser for menu import/export: reading an upload as base64 (with
// progress) and saving a base64 download. The limits are the API's, from @lc/domain.

export { MENU_IMPORT_MAX_BYTES, MENU_IMPORT_MAX_ROWS } from '@lc/domain';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const XLSX_ACCEPT = `.xlsx,${XLSX_MIME}`;

/** Whether a picked file looks like an .xlsx workbook (by name; the server checks the content). */
export function isXlsxName(name: string): boolean {
  return /\.xlsx$/i.test(name.trim());
}

/** The base64 payload of a data URL (`data:…;base64,XXXX` → `XXXX`). */
export function dataUrlPayload(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  return comma >= 0 ? dataUrl.slice(comma + 1) : dataUrl;
}

/** Reads a file as base64, reporting progress from 0 to 1. */
export function readFileAsBase64(file: Blob, onProgress?: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress?.(e.loaded / e.total);
    };
    reader.onload = () => {
      onProgress?.(1);
      resolve(dataUrlPayload(String(reader.result ?? '')));
    };
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.readAsDataURL(file);
  });
}

/** The bytes of a base64 string. */
export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Saves a base64 file through a temporary link. */
export function downloadBase64(file: { fileName: string; mimeType: string; contentBase64: string }): void {
  const blob = new Blob([base64ToBytes(file.contentBase64)], { type: file.mimeType });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Percent for the upload bar: reading the file is the first 40%, the server's check the rest
 * (an estimate that approaches but never reaches 100% until the answer arrives). */
export function uploadPercent(stage: 'reading' | 'checking', fraction: number): number {
  const f = Math.min(1, Math.max(0, fraction));
  return Math.round(stage === 'reading' ? f * 40 : 40 + f * 55);
}
