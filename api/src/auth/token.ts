import jwt from 'jsonwebtoken';
import { config } from '../config';

interface TokenClaims {
  sub: string;
  role: string;
}

export function signToken(userId: number, role: string): string {
  return jwt.sign({ role }, config.jwtSecret, {
    subject: String(userId),
    expiresIn: config.jwtTtl as jwt.SignOptions['expiresIn'],
    algorithm: 'HS256',
    issuer: 'life-circle',
  });
}

/** The user id of a valid token, or null. */
export function verifyToken(token: string): number | null {
  try {
    const claims = jwt.verify(token, config.jwtSecret, {
      algorithms: ['HS256'],
      issuer: 'life-circle',
    }) as TokenClaims;
    const id = Number(claims.sub);
    return Number.isInteger(id) ? id : null;
  } catch {
    return null;
  }
}
