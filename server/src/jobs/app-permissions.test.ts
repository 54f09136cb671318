import { describe, expect, it } from 'vitest';
import { ConsentRequiredError } from '../graph/errors';
import { recordPermissionRefusal, REFUSAL_MEMORY_MS, refusedPermissions, sharingRefusals } from '../graph/permission-refusals';
import { NUDGE_PERMISSIONS, PRESENCE_READ_PERMISSIONS, requirePermission, STATUS_PERMISSIONS } from './app-permissions';

const TENANT = '7d3c1f8e-2b4a-4c6d-9e0f-1a2b3c4d5e6f';
const NOW = Date.UTC(2026, 2, 2, 9, 0);

describe('requirePermission treats the app-only token as opaque', () => {
  it('never decodes the token: an opaque (non-JWT) token is fine until Graph refuses a call', async () => {
    const tokens = { appOnly: async () => 'opaque-access-token-not-a-jwt' };
    await expect(requirePermission(tokens, TENANT, STATUS_PERMISSIONS, NOW)).resolves.toBeUndefined();
  });

  it('reports permission_missing for a while after Graph refused an app-only call with its permission 403, then asks again', async () => {
    const tokens = { appOnly: async () => 'opaque' };
    recordPermissionRefusal(tokens, TENANT, refusedPermissions('POST', `/users/${TENANT}/presence/setStatusMessage`), NOW);
    await expect(requirePermission(tokens, TENANT, STATUS_PERMISSIONS, NOW + 60_000)).resolves.toMatchObject({ code: 'permission_missing', message: expect.stringContaining('Presence.ReadWrite.All') });
    await expect(requirePermission(tokens, TENANT.toUpperCase(), STATUS_PERMISSIONS, NOW + 60_000)).resolves.toMatchObject({ code: 'permission_missing' });
    await expect(requirePermission(tokens, TENANT, STATUS_PERMISSIONS, NOW + REFUSAL_MEMORY_MS)).resolves.toBeUndefined();
    // Another server's token source knows nothing of it; a wrapper of the same one does.
    await expect(requirePermission({ appOnly: async () => 'opaque' }, TENANT, STATUS_PERMISSIONS, NOW + 60_000)).resolves.toBeUndefined();
    await expect(requirePermission(sharingRefusals(tokens, { appOnly: tokens.appOnly }), TENANT, STATUS_PERMISSIONS, NOW + 60_000)).resolves.toMatchObject({ code: 'permission_missing' });
  });

  it('keeps refusals per permission: a refused nudge says nothing about the status, a refused presence read says it about both presence features', async () => {
    const tokens = { appOnly: async () => 'opaque' };
    recordPermissionRefusal(tokens, TENANT, refusedPermissions('POST', `/users/${TENANT}/teamwork/sendActivityNotification`), NOW);
    await expect(requirePermission(tokens, TENANT, NUDGE_PERMISSIONS, NOW + 60_000)).resolves.toMatchObject({ code: 'permission_missing' });
    await expect(requirePermission(tokens, TENANT, STATUS_PERMISSIONS, NOW + 60_000)).resolves.toBeUndefined();
    await expect(requirePermission(tokens, TENANT, PRESENCE_READ_PERMISSIONS, NOW + 60_000)).resolves.toBeUndefined();

    recordPermissionRefusal(tokens, TENANT, refusedPermissions('POST', '/communications/getPresencesByUserId'), NOW);
    await expect(requirePermission(tokens, TENANT, PRESENCE_READ_PERMISSIONS, NOW + 60_000)).resolves.toMatchObject({ code: 'permission_missing' });
    await expect(requirePermission(tokens, TENANT, STATUS_PERMISSIONS, NOW + 60_000)).resolves.toMatchObject({ code: 'permission_missing' });
  });

  it('takes a refused call it cannot place in the Graph calls table for every permission', async () => {
    const tokens = { appOnly: async () => 'opaque' };
    expect(refusedPermissions('GET', '/somewhere/else')).toEqual(['*']);
    recordPermissionRefusal(tokens, TENANT, refusedPermissions('GET', '/somewhere/else'), NOW);
    await expect(requirePermission(tokens, TENANT, NUDGE_PERMISSIONS, NOW + 60_000)).resolves.toMatchObject({ code: 'permission_missing' });
  });

  it('reports missing admin consent when no app-only token can be had', async () => {
    const tokens = { appOnly: async () => { throw new ConsentRequiredError('application', 'invalid_grant'); } };
    await expect(requirePermission(tokens, TENANT, STATUS_PERMISSIONS, NOW)).resolves.toMatchObject({ code: 'admin_consent_required' });
    await expect(requirePermission({ appOnly: async () => { throw new Error('network'); } }, TENANT, STATUS_PERMISSIONS, NOW)).resolves.toMatchObject({ code: 'app_token_failed' });
  });
});
