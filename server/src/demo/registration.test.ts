import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AAD_MANIFEST_PATH, readRegistration, redirectUrisFor } from './registration';

const manifestText = readFileSync(AAD_MANIFEST_PATH, 'utf8');

describe('the demo registration', () => {
  it("is aad.manifest.json's: its Graph Scope entries (OpenID scopes aside) and Role entries, by name", () => {
    const registration = readRegistration();
    expect([...registration.delegated].sort()).toEqual(['Calendars.ReadWrite', 'MailboxSettings.Read', 'Presence.Read', 'User.Read']);
    expect(registration.application).toEqual(['Presence.ReadWrite.All', 'TeamsActivity.Send']);
  });

  it('follows the file: a permission removed there is no longer granted', () => {
    const manifest = JSON.parse(manifestText) as { requiredResourceAccess: { resourceAccess: { id: string; type: string }[] }[] };
    // 83cded22-…: Presence.ReadWrite.All (Role).
    manifest.requiredResourceAccess[0]!.resourceAccess = manifest.requiredResourceAccess[0]!.resourceAccess.filter((a) => a.id !== '83cded22-8297-4ff6-a7fa-e97e9545a259');
    expect(readRegistration(JSON.stringify(manifest)).application).toEqual(['TeamsActivity.Send']);
  });

  it('refuses an id graph-permissions.ts does not know, rather than guess what it allows', () => {
    const manifest = JSON.parse(manifestText) as { requiredResourceAccess: { resourceAccess: { id: string; type: string }[] }[] };
    manifest.requiredResourceAccess[0]!.resourceAccess.push({ id: '01d4889c-1287-42c6-ac1f-5d1e02578ef6', type: 'Role' });
    expect(() => readRegistration(JSON.stringify(manifest))).toThrow(/01d4889c-1287-42c6-ac1f-5d1e02578ef6 \(Role\), which graph-permissions\.ts does not list/);
  });

  it('resolves ${{TAB_DOMAIN}} in the redirect URIs to the host the demo runs on', () => {
    const registration = { delegated: [], application: [], redirectUris: ['https://${{TAB_DOMAIN}}/tab/consent'] };
    expect(redirectUrisFor(registration, 'localhost:3978')).toEqual(['https://localhost:3978/tab/consent']);
  });
});
