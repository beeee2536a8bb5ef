// The idempotency key of a survey response: made once per survey form and kept in sessionStorage
// until the response is recorded, so a retry after a lost answer (a network error, a reload) sends
// the same key and the server records one response. Forgotten on success and on "already answered".

export const RESPONSE_KEY_PREFIX = 'lc.resident.survey-response-key.';

/** The part of Storage used here (sessionStorage, or a stand-in in tests). */
export type KeyStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Where storage is refused (private mode, disabled): the keys last as long as the page. */
const memory = new Map<string, string>();
const memoryStorage: KeyStorage = {
  getItem: (k) => memory.get(k) ?? null,
  setItem: (k, v) => void memory.set(k, v),
  removeItem: (k) => void memory.delete(k),
};

function defaultStorage(): KeyStorage {
  try {
    return window.sessionStorage;
  } catch {
    return memoryStorage;
  }
}

/** A random UUID; crypto.randomUUID needs a secure context (https or localhost), a phone on the
 * LAN over plain http has only getRandomValues. */
export function newResponseKey(
  cryptoImpl: Pick<Crypto, 'getRandomValues'> & Partial<Crypto> = crypto,
): string {
  if (typeof cryptoImpl.randomUUID === 'function') return cryptoImpl.randomUUID();
  const b = cryptoImpl.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The key for this survey's response: the stored one, or a new one stored now. */
export function responseKey(surveyId: string, storage: KeyStorage = defaultStorage()): string {
  const name = RESPONSE_KEY_PREFIX + surveyId;
  let stored: string | null = null;
  try {
    stored = storage.getItem(name);
  } catch {
    stored = memoryStorage.getItem(name);
  }
  if (stored) return stored;
  const key = newResponseKey();
  try {
    storage.setItem(name, key);
  } catch {
    memoryStorage.setItem(name, key);
  }
  return key;
}

/** The response is recorded (or was already): the next form for this survey starts afresh. */
export function forgetResponseKey(surveyId: string, storage: KeyStorage = defaultStorage()): void {
  const name = RESPONSE_KEY_PREFIX + surveyId;
  try {
    storage.removeItem(name);
  } catch {
    // nothing stored there
  }
  memoryStorage.removeItem(name);
}
