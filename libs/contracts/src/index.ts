export * from './errors.js';
export * from './limits.js';
export * from './primitives.js';
export * from './report-files.js';
export * from './http.js';
export * from './socket.js';
export * from './validation.js';
export * from './rescoring.js';
