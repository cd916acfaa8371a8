export { validateRequest, validateResponse, validateCallback } from './validate';
export type { RequestToValidate, ResponseToValidate } from './validate';
export { findOperation, loadSpec } from './spec';
