import { createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { config } from '../config';

/** The HS256 secret as a key object, made once: given a string, jsonwebtoken first tries it as a
 * PEM public key (and catches the failure) on every verify, a visible share of a request's CPU. */
const secretKey = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));

interface TokenClaims {
  sub: string;
  role: string;
}

export function signToken(userId: number, role: string): string {
  return jwt.sign({ role }, secretKey, {
    subject: String(userId),
    expiresIn: config.jwtTtl as jwt.SignOptions['expiresIn'],
    algorithm: 'HS256',
    issuer: 'life-circle',
  });
}

/** The user id of a valid token, or null. */
export function verifyToken(token: string): number | null {
  try {
    const claims = jwt.verify(token, secretKey, {
      algorithms: ['HS256'],
      issuer: 'life-circle',
    }) as TokenClaims;
    const id = Number(claims.sub);
    return Number.isInteger(id) ? id : null;
  } catch {
    return null;
  }
}
