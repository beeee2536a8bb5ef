// Files sent as base64 (meeting attachments, evaluation photos): one check of the name, type and
// size, and one way to keep them through the storage interface.
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { FieldErrors } from './app-error';
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

/** Checks an uploaded file; BAD_USER_INPUT names `fileName` or `contentBase64`. */
export function checkUpload(
  fileName: string,
  contentBase64: string,
  options: { mimeByExt: Record<string, string>; maxBytes: number; tooLarge: string },
): CheckedUpload {
  const e = new FieldErrors();
  const name = path.basename(fileName.trim());
  const ext = path.extname(name).toLowerCase();
  e.check(name.length > 0 && name.length <= 200, 'fileName', '文件名无效 / invalid file name');
  e.check(
    ext in options.mimeByExt,
    'fileName',
    `只接受 ${Object.keys(options.mimeByExt).join(' ')} 文件 / unsupported file type`,
  );
  const data = Buffer.from(contentBase64, 'base64');
  e.check(data.length > 0, 'contentBase64', '文件为空 / the file is empty');
  e.check(data.length <= options.maxBytes, 'contentBase64', options.tooLarge);
  e.throwIfAny();
  const sha256 = createHash('sha256').update(data).digest('hex');
  return { name, ext, mimeType: options.mimeByExt[ext], data, sha256 };
}

/** Stores a checked file under `<folder>/<random name><ext>` and returns its storage key. */
export async function storeUpload(folder: string, file: CheckedUpload): Promise<string> {
  const key = `${folder}/${randomUUID()}${file.ext}`;
  await fileStorage().put(key, file.data);
  return key;
}
