import jwt from 'jsonwebtoken';
import { config } from '../config';

interface TokenClaims {
  sub: string;
  role: string;
  /** the user's token version when signed: a password change, reset or disable bumps it */
  ver?: number;
}

export function signToken(userId: number, role: string, version = 0): string {
  return jwt.sign({ role, ver: version }, config.jwtSecret, {
    subject: String(userId),
    expiresIn: config.jwtTtl as jwt.SignOptions['expiresIn'],
    algorithm: 'HS256',
    issuer: 'life-circle',
  });
}

/** The user id and token version of a valid token, or null. */
export function verifyTokenClaims(token: string): { userId: number; version: number } | null {
  try {
    const claims = jwt.verify(token, config.jwtSecret, {
      algorithms: ['HS256'],
      issuer: 'life-circle',
    }) as TokenClaims;
    const id = Number(claims.sub);
    const version = claims.ver ?? 0;
    return Number.isInteger(id) && Number.isInteger(version) ? { userId: id, version } : null;
  } catch {
    return null;
  }
}

/** The user id of a valid token, or null. */
export function verifyToken(token: string): number | null {
  return verifyTokenClaims(token)?.userId ?? null;
}
