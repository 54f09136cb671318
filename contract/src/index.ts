/** The `/api` contract: schemas (with their `Static` types), limits, the error catalogue. */
export * from './common';
export * from './limits';
export * from './vocabulary';
export * from './errors';
export * from './settings';
export * from './me';
export * from './suggestions';
export * from './teams';
export * from './background';
export { validationFields, describeSchemaError, fieldPath, type SchemaError } from './validation-fields';
import type { Static } from '@sinclair/typebox';
import type { ErrorBody as ErrorBodySchema, FieldProblem as FieldProblemSchema } from './common';
export type ErrorBodyJson = Static<typeof ErrorBodySchema>;
export type FieldProblemJson = Static<typeof FieldProblemSchema>;
