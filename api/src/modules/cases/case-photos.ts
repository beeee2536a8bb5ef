// Photos of a case (up to 3), in one place: checked as uploads, kept through the storage interface.
// When uploads move to GraphQL multipart (Upload scalar, type by magic bytes), only this file changes.
import type { EntityManager } from 'typeorm';
import { CASE_PHOTO_MAX_BYTES } from '@lc/domain';
import { FieldErrors } from '../../common/app-error';
import { checkUpload, storeUpload, type CheckedUpload } from '../../common/upload';
import { AppError } from '../../common/app-error';

const PHOTO_MIME_BY_EXT: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
};

/** Checks the photos sent with a case; BAD_USER_INPUT names `input.photos.<i>`. */
export function checkCasePhotos(
  photos: readonly { fileName: string; contentBase64: string }[],
): CheckedUpload[] {
  const e = new FieldErrors();
  const checked: CheckedUpload[] = [];
  photos.forEach((p, i) => {
    try {
      checked.push(
        checkUpload(p.fileName, p.contentBase64, {
          mimeByExt: PHOTO_MIME_BY_EXT,
          maxBytes: CASE_PHOTO_MAX_BYTES,
          tooLarge: '照片不能超过5MB / a photo must be at most 5 MB',
        }),
      );
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      for (const f of err.fields ?? []) e.add(`input.photos.${i}.${f.field}`, f.message);
    }
  });
  e.throwIfAny();
  return checked;
}

/** Stores checked photos of a case (the same photo twice is kept once), in the caller's transaction. */
export async function storeCasePhotos(
  em: Pick<EntityManager, 'query'>,
  caseId: number,
  photos: readonly CheckedUpload[],
  uploadedBy: number | null,
): Promise<void> {
  const seen = new Set<string>();
  for (const file of photos) {
    if (seen.has(file.sha256)) continue;
    seen.add(file.sha256);
    const storageKey = await storeUpload(`cases/${caseId}`, file);
    await em.query(
      `INSERT INTO case_photo (case_id, file_name, mime_type, size_bytes, storage_key, sha256, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [caseId, file.name, file.mimeType, file.data.length, storageKey, file.sha256, uploadedBy],
    );
  }
}
