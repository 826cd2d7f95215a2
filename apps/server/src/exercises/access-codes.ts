// Join codes: 20 characters from a 32-letter alphabet (100 bits), shown in groups of four, stored as SHA-256.
import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newAccessCode(): string {
  const bytes = randomBytes(20);
  let code = '';
  for (let i = 0; i < 20; i++) {
    if (i > 0 && i % 4 === 0) code += '-';
    code += ALPHABET[bytes[i]! & 31];
  }
  return code;
}

/** Codes are typed by people: case, spaces and dashes do not matter. */
export function normaliseAccessCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export function hashAccessCode(code: string): string {
  return createHash('sha256').update(normaliseAccessCode(code)).digest('hex');
}

export function newExerciseId(): string {
  const bytes = randomBytes(10);
  let id = 'ex-';
  for (const byte of bytes) id += ALPHABET[byte & 31]!.toLowerCase();
  return id;
}
