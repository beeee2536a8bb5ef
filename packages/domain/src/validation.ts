// Validation rules shared by the API (authoritative) and the SPAs (early feedback).
import { FACILITIES, ZONES, type Facility, type Zone } from './enums';

export const ADDRESS_MAX_LENGTH = 200;
export const OPENING_HOURS_MAX_LENGTH = 200;

export function unknownFacilities(codes: readonly string[]): string[] {
  return codes.filter((c) => !(FACILITIES as readonly string[]).includes(c));
}
export function unknownZones(codes: readonly string[]): string[] {
  return codes.filter((c) => !(ZONES as readonly string[]).includes(c));
}
export function isFacility(code: string): code is Facility {
  return (FACILITIES as readonly string[]).includes(code);
}
export function isZone(code: string): code is Zone {
  return (ZONES as readonly string[]).includes(code);
}
