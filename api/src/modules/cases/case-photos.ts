// Photos of a case (up to 3), in one place: GraphQL multipart uploads whose type is read from their
// first bytes (common/upload.ts), kept through the storage interface.
import type { FileUpload } from 'graphql-upload-minimal';
import type { EntityManager } from 'typeorm';
import { CASE_PHOTO_MAX_BYTES } from '@lc/domain';
import { receiveUpload, storeUpload, type CheckedUpload } from '../../common/upload';

const PHOTO_RULES = {
  mimeByExt: {
    '.jpg': 'image/jpeg',
    '.jpeg': 'image/jpeg',
    '.png': 'image/png',
    '.webp': 'image/webp',
  },
  maxBytes: CASE_PHOTO_MAX_BYTES,
  tooLarge: '照片不能超过5MB / a photo must be at most 5 MB',
};

/** Reads and checks the photos sent with a case; BAD_USER_INPUT names `photos.<i>`. */
export async function receiveCasePhotos(
  uploads: readonly (Promise<FileUpload> | FileUpload)[],
): Promise<CheckedUpload[]> {
  const photos: CheckedUpload[] = [];
  for (const [i, upload] of uploads.entries())
    photos.push(await receiveUpload(upload, PHOTO_RULES, `photos.${i}`));
  return photos;
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
