// The one place HTTP errors are shaped: `{ok:false, error:{code,message}}` with the status the code implies.
import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { httpStatusOf, type Failure } from '@ttx/contracts';
import type { HttpResponse } from './http-types.js';
import { errorBodyOf, retryAfterOf } from './error-mapping.js';

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<HttpResponse>();
    const error = errorBodyOf(exception);
    const body: Failure = { ok: false, error };
    if (response.headersSent) return;
    const retryAfter = retryAfterOf(exception);
    if (retryAfter !== undefined) response.setHeader('Retry-After', String(retryAfter));
    response.status(httpStatusOf(error.code)).json(body);
  }
}
