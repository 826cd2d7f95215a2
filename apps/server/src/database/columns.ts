// Column helpers that read the same on SQLite and PostgreSQL (pg returns bigint as a string).
import type { ValueTransformer } from 'typeorm';

export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

export const jsonText: ValueTransformer = {
  to: (value: unknown) => (value === undefined ? null : JSON.stringify(value)),
  from: (value: string | null) => (value === null ? undefined : (JSON.parse(value) as unknown)),
};
