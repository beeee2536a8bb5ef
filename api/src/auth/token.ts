import { createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { config } from '../config';

/** The HS256 secret as a key object, made once: given a string, jsonwebtoken first tries it as a
 * PEM public key (and catches the failure) on every verify, a visible share of a request's CPU. */
const secretKey = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));

interface TokenClaims {
  sub: string;
  role: string;
  /** the user's token version when signed: a password change, reset or disable bumps it */
  ver?: number;
}

export function signToken(userId: number, role: string, version = 0): string {
  return jwt.sign({ role, ver: version }, secretKey, {
    subject: String(userId),
    expiresIn: config.jwtTtl as jwt.SignOptions['expiresIn'],
    algorithm: 'HS256',
    issuer: 'life-circle',
  });
}

/** The user id and token version of a valid token, or null. */
export function verifyTokenClaims(token: string): { userId: number; version: number } | null {
  try {
    const claims = jwt.verify(token, secretKey, {
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
