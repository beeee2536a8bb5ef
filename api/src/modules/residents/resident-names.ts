// How a resident account is named, from the phone number (no database, no keys): shared by
// sign-in and the demo seed.

/** `resident:<first 16 hex digits of the phone hash>`: unique, and no number in it. */
export const residentUsername = (phoneHash: string): string => `resident:${phoneHash.slice(0, 16)}`;

/** 居民 and the last four digits, until the resident says otherwise. */
export const residentDisplayName = (phone: string): string => `居民${phone.slice(-4)}`;
