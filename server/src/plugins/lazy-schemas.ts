import AjvCompiler from '@fastify/ajv-compiler';
import SerializerSelector from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;
type BuildValidator = NonNullable<CompilersFactory['buildValidator']>;
type BuildSerializer = NonNullable<CompilersFactory['buildSerializer']>;

/** An Ajv validate function as Fastify calls it: the data, Ajv's data context, `errors` after a failure. */
interface ValidateFunction {
  (data: unknown, context?: object): unknown;
  errors?: unknown;
  schemaEnv?: unknown;
}

/**
 * Fastify's own compilers (Ajv for what routes accept, fast-json-stringify for what they answer),
 * each route's schemas compiled on their first use instead of all at start-up: compiling every
 * route's validators and its serializer for every status it declares was about a sixth of the
 * server's start (≈ 0.4 s of CPU), and most statuses of most routes are rarely or never answered.
 * The functions are the ones Fastify would have made, called the same way: the first call pays the
 * compilation (a few milliseconds), and a schema Ajv or fast-json-stringify refuses fails that
 * call, not the start — `lazy-schemas.test.ts` compiles every route's schemas to keep that from
 * reaching a person.
 */
export function lazyCompilers(): CompilersFactory {
  const validators = AjvCompiler();
  const serializers = SerializerSelector();
  const buildValidator = ((externalSchemas: Parameters<BuildValidator>[0], options: Parameters<BuildValidator>[1]) => {
    // The Ajv instance too (one per set of shared schemas: building one costs tens of milliseconds).
    let compile: ((route: object) => ValidateFunction) | undefined;
    const compiler = () => (compile ??= validators(externalSchemas, options) as unknown as (route: object) => ValidateFunction);
    return (route: object) => lazyValidator(() => compiler()(route));
  }) as unknown as BuildValidator;
  const buildSerializer = ((externalSchemas: unknown, options: Parameters<BuildSerializer>[1]) => {
    let compile: ReturnType<typeof serializers> | undefined;
    return (route: Parameters<ReturnType<typeof serializers>>[0]) => lazySerializer(() => (compile ??= serializers(externalSchemas, options))(route));
  }) as BuildSerializer;
  return { buildValidator, buildSerializer };
}

/** A validate function compiled on its first call; `errors` and `schemaEnv` read through to it. */
export function lazyValidator(compile: () => ValidateFunction): ValidateFunction {
  let compiled: ValidateFunction | undefined;
  const real = () => (compiled ??= compile());
  const validate = ((data: unknown, context?: object) => (context === undefined ? real()(data) : real()(data, context))) as ValidateFunction;
  Object.defineProperty(validate, 'errors', { get: () => compiled?.errors, enumerable: true });
  // Fastify passes Ajv's data context (so a coerced root value lands in the request) when this is set.
  Object.defineProperty(validate, 'schemaEnv', { get: () => real().schemaEnv, enumerable: true });
  return validate;
}

/** A serializer compiled on its first call. */
export function lazySerializer(compile: () => (data: unknown) => string): (data: unknown) => string {
  let compiled: ((data: unknown) => string) | undefined;
  return (data) => (compiled ??= compile())(data);
}
