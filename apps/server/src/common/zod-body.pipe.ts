// Validates a request body or query with its contracts schema, refusing it with VALIDATION_FAILED.
import { type PipeTransform } from '@nestjs/common';
import { parseMessage } from '@ttx/contracts';
import type { z } from 'zod';
import { orThrow } from './ttx.exception.js';

export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    return orThrow(parseMessage(this.schema, value ?? {}));
  }
}
