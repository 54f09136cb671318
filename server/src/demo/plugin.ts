import type { FastifyError, FastifyInstance } from 'fastify';
import type { Config } from '../config';
import { DEMO_CLIENT_ID, DEMO_PREFIX } from './constants';
import { controlRoutes } from './control-routes';
import { graphRoutes } from './graph/routes';
import { identityRoutes } from './identity/routes';
import { teamsRoutes } from './teams-routes';
import { createDemoTenant, type DemoTenant, type DemoTenantOptions } from './tenant';

/** The name the demo tenant is decorated under: `app.getDecorator<DemoTenant>(DEMO_TENANT_DECORATOR)`. */
export const DEMO_TENANT_DECORATOR = 'demoTenant';

/**
 * The demo tenant's routes, mounted wherever this plugin is registered (`/demo` in the app):
 * `/identity/*`, `/graph/v1.0/*`, `/stats`, `/faults`, `/teams/activity`.
 */
export async function demoTenantRoutes(app: FastifyInstance, { tenant }: { tenant: DemoTenant }): Promise<void> {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) return reply.code(400).send({ error: { code: 'invalid_request', message: `Invalid ${error.validationContext ?? 'request'}: ${error.message}` } });
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'demo tenant failed');
    return reply.code(status).send({ error: { code: status === 500 ? 'internal_error' : 'bad_request', message: status === 500 ? 'The demo tenant failed to answer.' : error.message } });
  });
  const { faults, stats } = tenant.internals;
  await app.register(identityRoutes, { prefix: '/identity', org: tenant.org, identity: tenant.identity, consent: tenant.consent, registration: tenant.registration, conditionalAccess: tenant.conditionalAccess, stats, clock: tenant.clock });
  await app.register(graphRoutes, {
    prefix: '/graph/v1.0',
    ctx: { org: tenant.org, calendars: tenant.calendars, presence: tenant.presence, subscriptions: tenant.subscriptions, faults: tenant.internals.faults, activity: tenant.activity, consent: tenant.consent, appId: DEMO_CLIENT_ID },
    identity: tenant.identity, faults, stats, clock: tenant.clock,
  });
  await app.register(controlRoutes, { tenant });
  await app.register(teamsRoutes, { tenant });
}

/**
 * Demo mode: creates the demo tenant (faults from the configuration), decorates the app with it
 * and mounts it under `/demo`. Call only when `config.entra` is undefined.
 */
export async function registerDemoTenant(app: FastifyInstance, config: Pick<Config, 'demoFaults'>, options: DemoTenantOptions = {}): Promise<DemoTenant> {
  const tenant = await createDemoTenant({ ...options, faults: { ...config.demoFaults, ...options.faults } });
  app.decorate(DEMO_TENANT_DECORATOR, tenant);
  await app.register(demoTenantRoutes, { prefix: DEMO_PREFIX, tenant });
  return tenant;
}
