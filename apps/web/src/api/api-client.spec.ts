import { ApiError, describeError, errorOf } from './api-client.js';

describe('api errors', () => {
  it('reads the coded error from a bare body or an {ok:false, error} body', () => {
    const bare = errorOf(409, { code: 'EXERCISE_NOT_RUNNING', message: 'Start the exercise first.' });
    const wrapped = errorOf(403, { ok: false, error: { code: 'FORBIDDEN_ROLE', message: 'Controllers only.' } });
    expect([bare.code, bare.message]).toEqual(['EXERCISE_NOT_RUNNING', 'Start the exercise first.']);
    expect([wrapped.status, wrapped.code]).toEqual([403, 'FORBIDDEN_ROLE']);
  });

  it('tells the user what to do when the server cannot be reached or answers without a code', () => {
    expect(errorOf(0, undefined).message).toMatch(/could not be reached/);
    expect(errorOf(502, '<html>').code).toBe('HTTP_502');
  });

  it('describes any thrown value in plain language', () => {
    expect(describeError(new ApiError(401, 'UNAUTHENTICATED', 'Log in again.'))).toBe('Log in again.');
    expect(describeError('x')).toMatch(/Try again/);
  });
});
