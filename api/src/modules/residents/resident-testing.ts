// For tests of other modules: a resident's bearer token without the SMS round trip (which is
// rate-limited per number and per address). Finds or creates the account of the number.
import type { DataSource } from 'typeorm';
import { normalizePhone } from '@lc/domain';
import { signToken } from '../../auth/token';
import type { User } from '../users/user.entity';
import { findOrCreateResident } from './resident.service';

export async function residentToken(db: DataSource, phone: string): Promise<{ token: string; user: User }> {
  const normalized = normalizePhone(phone);
  if (!normalized) throw new Error(`not a mobile number: ${phone}`);
  const user = await findOrCreateResident(db, normalized);
  return { token: signToken(user.id, user.role), user };
}
