// Files received from clients (meeting attachments, evaluation photos as GraphQL multipart uploads;
// Excel imports as base64): one check of the name, the size and the CONTENT — the type is read from
// the file's first bytes (magic numbers) and must be the type its name claims — and one way to keep
// them through the storage interface.
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import FileType from 'file-type';
import type { FileUpload } from 'graphql-upload-minimal';
import { FieldErrors, badInput } from './app-error';
import { fileStorage } from './file-storage';

export interface CheckedUpload {
  /** the base name, trimmed */
  name: string;
  /** lower-case extension with its dot */
  ext: string;
  mimeType: string;
  data: Buffer;
  sha256: string;
}

export interface UploadRules {
  mimeByExt: Record<string, string>;
  maxBytes: number;
  tooLarge: string;
}

/** What the first bytes must say for an extension whose detected type differs from its MIME type. */
const DETECTED_AS: Record<string, string> = { '.doc': 'application/x-cfb', '.xls': 'application/x-cfb' };
/** Plain text has no magic number: it must have none and hold no NUL byte. */
const TEXT_EXTS = new Set(['.txt', '.csv']);

function checkName(fileName: string, rules: UploadRules, e: FieldErrors, field: string) {
  const name = path.basename((fileName ?? '').trim());
  const ext = path.extname(name).toLowerCase();
  e.check(name.length > 0 && name.length <= 200, field, '文件名无效 / invalid file name');
  e.check(
    ext in rules.mimeByExt,
    field,
    `只接受 ${Object.keys(rules.mimeByExt).join(' ')} 文件 / unsupported file type`,
  );
  return { name, ext };
}

/** Whether the content is what the extension says, by its first bytes. */
async function contentMatches(ext: string, mimeType: string, data: Buffer): Promise<boolean> {
  const detected = await FileType.fromBuffer(data);
  if (TEXT_EXTS.has(ext)) return !detected && !data.subarray(0, 64 * 1024).includes(0);
  return !!detected && detected.mime === (DETECTED_AS[ext] ?? mimeType);
}

async function checked(
  name: string,
  ext: string,
  data: Buffer,
  rules: UploadRules,
  contentField: string,
): Promise<CheckedUpload> {
  const mimeType = rules.mimeByExt[ext];
  if (!(await contentMatches(ext, mimeType, data))) {
    throw badInput([
      {
        field: contentField,
        message: `文件内容与扩展名 ${ext} 不符 / the file's content is not a ${ext} file`,
      },
    ]);
  }
  return { name, ext, mimeType, data, sha256: createHash('sha256').update(data).digest('hex') };
}

/** A base64 file (Excel imports); BAD_USER_INPUT names `fileName` or `contentBase64`. */
export async function checkUpload(
  fileName: string,
  contentBase64: string,
  rules: UploadRules,
): Promise<CheckedUpload> {
  const e = new FieldErrors();
  const { name, ext } = checkName(fileName, rules, e, 'fileName');
  const data = Buffer.from(contentBase64, 'base64');
  e.check(data.length > 0, 'contentBase64', '文件为空 / the file is empty');
  e.check(data.length <= rules.maxBytes, 'contentBase64', rules.tooLarge);
  e.throwIfAny();
  return checked(name, ext, data, rules, 'contentBase64');
}

/** A file sent as a GraphQL multipart upload (argument `file`), read up to rules.maxBytes. */
export async function receiveUpload(
  upload: Promise<FileUpload> | FileUpload,
  rules: UploadRules,
  field = 'file',
): Promise<CheckedUpload> {
  let file: FileUpload;
  try {
    file = await upload;
  } catch {
    throw badInput([{ field, message: '文件上传失败，请重试 / the upload failed, try again' }]);
  }
  if (!file || typeof file.createReadStream !== 'function') {
    throw badInput([{ field, message: '请以文件上传 (multipart) / send the file as a multipart upload' }]);
  }
  const e = new FieldErrors();
  const { name, ext } = checkName(file.filename, rules, e, field);
  e.throwIfAny();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of file.createReadStream()) {
      size += (chunk as Buffer).length;
      if (size > rules.maxBytes) throw badInput([{ field, message: rules.tooLarge }]);
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    if (err instanceof Error && err.name === 'AppError') throw err;
    // the server's own size limit ends the stream with an error
    throw badInput([{ field, message: rules.tooLarge }]);
  }
  if (size === 0) throw badInput([{ field, message: '文件为空 / the file is empty' }]);
  return checked(name, ext, Buffer.concat(chunks), rules, field);
}

/** Stores a checked file under `<folder>/<random name><ext>` and returns its storage key. */
export async function storeUpload(folder: string, file: CheckedUpload): Promise<string> {
  const key = `${folder}/${randomUUID()}${file.ext}`;
  await fileStorage().put(key, file.data);
  return key;
}
