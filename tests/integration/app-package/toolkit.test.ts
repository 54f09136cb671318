import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { checkEntraManifest } from '../../../server/scripts/app-package/entra-manifest-rules';
import { GRAPH_CALLS, type GraphCall } from '../../../server/src/graph/graph-calls';
import { GRAPH_PERMISSIONS } from '../../../server/scripts/app-package/graph-permissions';
import { checkTeamsappYml } from '../../../server/scripts/app-package/teamsapp-rules';
import { TOOLKIT_ACTIONS } from '../../../server/scripts/app-package/toolkit-actions';
import { repoRoot } from './fixtures';

const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');
const scratchDirs: string[] = [];
afterAll(() => scratchDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A scratch copy of the files the checks read, with one of them rewritten. */
function projectWith(file: string, rewrite: (text: string) => string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'unplug-toolkit-'));
  scratchDirs.push(root);
  for (const f of ['teamsapp.yml', 'aad.manifest.json', 'package.json', 'env/.env.prod', 'appPackage/manifest.json']) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    cpSync(path.join(repoRoot, f), path.join(root, f));
  }
  writeFileSync(path.join(root, file), rewrite(read(file)));
  return root;
}

const messages = (problems: { message: string }[]) => problems.map((p) => p.message);

describe('teamsapp.yml', () => {
  it('passes: it parses, uses only known actions with their keys, comments every action, refers to files that exist', () => {
    expect(checkTeamsappYml(repoRoot)).toEqual([]);
  });

  it('provisions the Entra app and the Teams app, checks and zips the package, and publishes it', () => {
    const config = parse(read('teamsapp.yml')) as Record<string, { uses: string }[]>;
    const uses = (lifecycle: string) => config[lifecycle]!.map((step) => step.uses);
    expect(uses('provision')).toEqual(expect.arrayContaining(['aadApp/create', 'aadApp/update', 'teamsApp/create', 'teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'teamsApp/validateAppPackage', 'teamsApp/update']));
    expect(uses('publish').at(-1)).toBe('teamsApp/publishAppPackage');
    for (const action of [...uses('provision'), ...uses('publish')]) expect(Object.keys(TOOLKIT_ACTIONS)).toContain(action);
  });

  it.each([
    ['an unknown action', (t: string) => t.replace('uses: teamsApp/update', 'uses: teamsApp/upload'), /uses "teamsApp\/upload", which is not a known Agents Toolkit action/],
    ['an action without a comment', (t: string) => t.replace(/ {2}# Creates the Teams app in the Developer Portal[^\n]*\n {2}# its id: the manifest's "id".\n/, ''), /the teamsApp\/create action has no comment above it/],
    ['a manifest path that does not exist', (t: string) => t.replace('manifestPath: ./aad.manifest.json', 'manifestPath: ./infra/aad.manifest.json'), /manifestPath \.\/infra\/aad\.manifest\.json does not exist/],
    ['a key the action does not take', (t: string) => t.replace('      signInAudience: AzureADMyOrg', '      signInAudience: AzureADMyOrg\n      redirectUri: https://x'), /"with" has "redirectUri", which this action does not take/],
    ['a missing required key', (t: string) => t.replace('      outputFolder: ./appPackage/build\n', ''), /teamsApp\/zipAppPackage\): "with" is missing "outputFolder"/],
    ['a secret written to the committed file', (t: string) => t.replace('clientSecret: SECRET_ENTRA_CLIENT_SECRET', 'clientSecret: ENTRA_CLIENT_SECRET'), /writeToEnvironmentFile\.clientSecret is a secret, so its variable must start with SECRET_/],
    ['a variable nothing declares', (t: string) => t.replace('TAB_DOMAIN: ${{TAB_DOMAIN}}', 'TAB_DOMAIN: ${{PUBLIC_HOST}}'), /uses \$\{\{PUBLIC_HOST\}\}, which env\/\.env\.prod does not declare and no earlier step writes/],
    ['a package published before it is zipped', (t: string) => {
      const [provision, publish] = t.split('\npublish:\n') as [string, string];
      return `${provision}\npublish:\n${publish.replace(/ {2}# Rebuilds the zip.*\n {2}- uses: teamsApp\/zipAppPackage\n(?: {4,}.*\n)+/, '')}`;
    }, /publish\[\d\] \(teamsApp\/validateAppPackage\): appPackagePath .* is not built by an earlier teamsApp\/zipAppPackage step/],
    ['a script that package.json lacks', (t: string) => t.replace('run: npm run validate-package', 'run: npm run check-package'), /runs "npm run check-package", which package\.json does not define/],
    ['YAML that does not parse', (t: string) => `${t}\n  - uses: [unclosed\n`, /teamsapp\.yml does not parse/],
    ['a server .env without HOST (the server would listen on 127.0.0.1 only)', (t: string) => t.replace('        HOST: 0.0.0.0\n', ''), /must set HOST: 0\.0\.0\.0 \(got no HOST\)/],
    ['a server .env on the loopback interface', (t: string) => t.replace('HOST: 0.0.0.0', 'HOST: 127.0.0.1'), /must set HOST: 0\.0\.0\.0 \(got "127\.0\.0\.1"\)/],
    ['a server .env without the tenant', (t: string) => t.replace('        ENTRA_TENANT_ID: ${{ENTRA_TENANT_ID}}\n', ''), /lacks ENTRA_TENANT_ID/],
    ['a server .env without the Teams app id (nudges could not link into the app)', (t: string) => t.replace('        TEAMS_APP_ID: ${{TEAMS_APP_ID}}\n', ''), /lacks TEAMS_APP_ID/],
  ])('fails on %s', (_title, rewrite, expected) => {
    expect(messages(checkTeamsappYml(projectWith('teamsapp.yml', rewrite)))).toContainEqual(expect.stringMatching(expected));
  });

  it('says why, in a comment, for every Graph permission it provisions', () => {
    const comments = read('teamsapp.yml').split('\n').filter((line) => /^\s*#/.test(line)).join('\n');
    for (const permission of GRAPH_PERMISSIONS) {
      expect(comments, permission.name).toMatch(new RegExp(`(delegated|application) (\\w+, )*${permission.name.replace('.', '\\.')}[:,]`));
    }
  });
});

describe('aad.manifest.json (the Entra app)', () => {
  it('passes: access_as_user on api://<TAB_DOMAIN>/<client id>, Teams clients pre-authorised, Unplug.Admin role, exactly the Graph permissions listed with reasons', () => {
    expect(checkEntraManifest(repoRoot)).toEqual([]);
  });

  const withoutGraphPermission = (id: string) => (t: string) => {
    const manifest = JSON.parse(t) as { requiredResourceAccess: { resourceAccess: { id: string }[] }[] };
    manifest.requiredResourceAccess[0]!.resourceAccess = manifest.requiredResourceAccess[0]!.resourceAccess.filter((a) => a.id !== id);
    return JSON.stringify(manifest);
  };
  it.each([
    ['a Graph permission missing', withoutGraphPermission('1ec239c2-d7c9-4623-a91a-a9775856bb36'), /does not ask for Calendars\.ReadWrite, which Unplug needs/],
    ['a Graph permission without a reason', (t: string) => t.replace('"type": "Role"', '"type": "Role"\n                },\n                {\n                    "id": "df021288-bdef-4463-88db-98f22de89214",\n                    "type": "Role"'), /asks for the Graph permission df021288-bdef-4463-88db-98f22de89214 \(Role\), which graph-permissions\.ts does not list with a reason/],
    ['a delegated permission asked as application', (t: string) => t.replace('"id": "87f447af-9fa4-4c32-9dfa-4a57a73d18ce",\n                    "type": "Scope"', '"id": "87f447af-9fa4-4c32-9dfa-4a57a73d18ce",\n                    "type": "Role"'), /asks for MailboxSettings\.Read as Role; it should be Scope/],
    ['the Teams web client not pre-authorised', (t: string) => t.replace('"appId": "5e3ce6c0-2b1f-4285-8d4b-75ee78787346"', '"appId": "00000000-0000-0000-0000-000000000001"'), /the Teams client 5e3ce6c0-2b1f-4285-8d4b-75ee78787346 must be pre-authorised/],
    ['the admin role missing', (t: string) => t.replace('"value": "Unplug.Admin"', '"value": "Admin"'), /must define an enabled "Unplug\.Admin" role/],
    ['no groupMembershipClaims (no wids: directory-role admins unrecognised)', (t: string) => t.replace('    "groupMembershipClaims": "DirectoryRole",\n', ''), /groupMembershipClaims must be "DirectoryRole" \(got null\)/],
    ['groupMembershipClaims without directory roles', (t: string) => t.replace('"groupMembershipClaims": "DirectoryRole"', '"groupMembershipClaims": "SecurityGroup"'), /groupMembershipClaims must be "DirectoryRole" \(got "SecurityGroup"\)/],
    ['an identifier URI on another host', (t: string) => t.replace('api://${{TAB_DOMAIN}}/${{ENTRA_CLIENT_ID}}', 'api://${{ENTRA_CLIENT_ID}}'), /identifierUris must be exactly/],
    ['a comment (the Toolkit uses JSON.parse)', (t: string) => t.replace('{', '{\n    // Unplug\n'), /is not valid JSON \(the Toolkit parses it with JSON\.parse, so no comments\)/],
    ['a placeholder env/.env.prod does not declare', (t: string) => t.replace('"displayName": "Unplug"', '"displayName": "${{APP_DISPLAY_NAME}}"'), /uses \$\{\{APP_DISPLAY_NAME\}\}, which env\/\.env\.prod does not declare/],
  ])('fails on %s', (_title, rewrite, expected) => {
    expect(messages(checkEntraManifest(projectWith('aad.manifest.json', rewrite)))).toContainEqual(expect.stringMatching(expected));
  });

  // graph-calls.ts drives this: a call Unplug makes needs a requested permission that grants it.
  const call = (over: Partial<GraphCall>): GraphCall => ({ ...GRAPH_CALLS[0]!, ...over });
  it.each([
    ['a new call whose permission the registration does not ask for', call({ name: 'list teams', method: 'GET', path: '/me/joinedTeams', delegated: ['Team.ReadBasic.All'], usedWith: ['delegated'], docs: 'https://learn.microsoft.com/en-us/graph/api/user-list-joinedteams' }),
      /asks for no delegated permission that grants list teams \(GET \/me\/joinedTeams\); it needs Team\.ReadBasic\.All/],
    ['a call made app-only whose application permission is not requested', call({ name: 'working hours as the app', path: '/users/{id}/mailboxSettings/workingHours', application: ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'], usedWith: ['application'] }),
      /asks for no application permission that grants working hours as the app .*it needs MailboxSettings\.Read/],
    ['a call made app-only where Microsoft does not support it', call({ name: 'presence subscription as the app', method: 'POST', path: '/subscriptions', delegated: ['Presence.Read.All'], application: 'not-supported', usedWith: ['application'] }),
      /Unplug makes presence subscription as the app \(POST \/subscriptions\) with application tokens, which Microsoft does not support/],
  ])('fails on %s', (_title, extra, expected) => {
    expect(messages(checkEntraManifest(repoRoot, 'aad.manifest.json', [...GRAPH_CALLS, extra]))).toContainEqual(expect.stringMatching(expected));
  });

  it('fails when a permission a call needs is removed from the registration', () => {
    // MailboxSettings.Read (Scope) grants the working hours and time zone reads.
    const problems = messages(checkEntraManifest(projectWith('aad.manifest.json', withoutGraphPermission('87f447af-9fa4-4c32-9dfa-4a57a73d18ce'))));
    expect(problems).toContainEqual(expect.stringMatching(/asks for no delegated permission that grants working hours \(GET \/me\/mailboxSettings\/workingHours\)/));
  });
});
