// Pure helpers of the resident's case pages: shrinking photos before they travel, the words of
// each timeline step, where a notification leads.
import type { CaseStatus } from '@lc/domain';
import type { TFunction } from 'i18next';
import type { CombinedError } from 'urql';
import { errorMessageKey } from '../../ui/errors';
import { localizedPart } from '../orders/mutation-errors';

/** Photos are shrunk on the phone before sending: the longest side at most this, JPEG. */
export const PHOTO_MAX_SIDE = 1600;
const PHOTO_QUALITY = 0.82;

/** The longest side scaled down to `max` (never up), rounded. */
export function scaledSize(
  width: number,
  height: number,
  max = PHOTO_MAX_SIDE,
): { width: number; height: number } {
  const k = Math.min(1, max / Math.max(width, height));
  return { width: Math.round(width * k), height: Math.round(height * k) };
}

/** A photo as a JPEG of at most PHOTO_MAX_SIDE pixels; the file itself when it cannot be drawn. */
export async function shrinkPhoto(file: File): Promise<File> {
  try {
    const bitmap = await createImageBitmap(file);
    const size = scaledSize(bitmap.width, bitmap.height);
    if (size.width === bitmap.width && file.size < 1_500_000 && /jpe?g|png|webp/.test(file.type)) return file;
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, size.width, size.height);
    const blob = await new Promise<Blob | null>((resolve) =>
      canvas.toBlob(resolve, 'image/jpeg', PHOTO_QUALITY),
    );
    if (!blob) return file;
    const name = `${file.name.replace(/\.[^.]*$/, '') || 'photo'}.jpg`;
    return new File([blob], name, { type: 'image/jpeg' });
  } catch {
    return file;
  }
}

/** The i18n key of a timeline step as a resident reads it. */
export function stepKey(kind: string): string {
  return `caseStep_${kind}`;
}

/** Residents' statuses in three tones: under way (blue), closed (green), not taken up (grey). */
export function statusTone(status: CaseStatus): 'primary' | 'success' | 'default' {
  if (status === 'CLOSED') return 'success';
  if (status === 'REJECTED') return 'default';
  return 'primary';
}

/** Where a notification leads in the resident app. */
export function messageLink(
  subjectType: string | null | undefined,
  subjectId: string | null | undefined,
): string | null {
  if (!subjectType) return null;
  switch (subjectType) {
    case 'CASE':
      return subjectId ? `/my-cases/${subjectId}` : '/my-cases';
    case 'DELIVERY_ORDER':
      return '/orders';
    case 'PROJECT':
      return subjectId ? `/community/projects/${subjectId}` : '/community';
    case 'DEMAND':
      return '/community/demands';
    case 'SURVEY':
      return subjectId ? `/surveys/${subjectId}` : '/surveys';
    default:
      return null;
  }
}

export type ReportField = 'category' | 'description' | 'place' | 'photos' | 'address' | 'form';

const REPORT_FIELDS: Record<string, ReportField> = {
  'input.category': 'category',
  'input.description': 'description',
  'input.communityId': 'place',
  'input.point': 'place',
  'input.address': 'address',
  photos: 'photos',
};

/** The refusal of a report, per form field (photos.<i> → photos), in the page's language. */
export function reportFieldErrors(
  error: Pick<CombinedError, 'graphQLErrors' | 'networkError'>,
  t: TFunction<any, any>,
  language: string,
): Partial<Record<ReportField, string>> {
  const out: Partial<Record<ReportField, string>> = {};
  for (const e of error.graphQLErrors) {
    if (e.extensions?.code !== 'BAD_USER_INPUT') continue;
    const fields = e.extensions.fields;
    if (!Array.isArray(fields)) continue;
    for (const f of fields as { field?: unknown; message?: unknown }[]) {
      const name = typeof f.field === 'string' ? f.field.replace(/^photos\.\d+$/, 'photos') : '';
      const key = REPORT_FIELDS[name] ?? 'form';
      out[key] ??=
        (typeof f.message === 'string' && localizedPart(f.message, language)) ||
        (t('enum:error.BAD_USER_INPUT') as string);
    }
  }
  if (Object.keys(out).length === 0) out.form = t(errorMessageKey(error)) as string;
  return out;
}
