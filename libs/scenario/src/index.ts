export * from './vocabulary.js';
export * from './schema.js';
