import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GRAPH_PERMISSIONS, MICROSOFT_GRAPH_APP_ID } from '../../../server/scripts/app-package/graph-permissions';
import { repoRoot } from './fixtures';

const guide = readFileSync(path.join(repoRoot, 'docs/admin-guide.md'), 'utf8');

describe('docs/admin-guide.md', () => {
  it('covers an admin\'s whole path, in order', () => {
    const headings = [...guide.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual([
      '1. Host the server',
      '2. Register the app',
      '3. Upload the package in the Teams admin center',
      '4. Grant admin consent',
      '5. Permission and setup policies',
      '6. Organisation defaults in the admin page',
      '7. Data stored and retention',
      '8. Removing Unplug and its data',
    ]);
  });

  it('links only to its own headings that exist', () => {
    const anchors = new Set([...guide.matchAll(/^#+ (.+)$/gm)].map((m) => m[1]!.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')));
    for (const [, anchor] of guide.matchAll(/\]\(#([^)]+)\)/g)) expect(anchors, anchor).toContain(anchor);
  });

  it.each(GRAPH_PERMISSIONS.map((p) => [p.name, p.type, p.id] as const))('lists the Graph permission %s (%s) with its id and what it is for', (name, type, id) => {
    const row = guide.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
    expect(row).toBeDefined();
    expect(row).toContain(type === 'Role' ? '| application |' : '| delegated |');
    expect(row).toContain(`\`${id}\``);
    expect(row!.split('|').at(-2)!.trim().length).toBeGreaterThan(40);
  });

  it("has one permission table, and it is exactly aad.manifest.json's Graph permissions and graph-permissions.ts", () => {
    const section = guide.slice(guide.indexOf('## 4. Grant admin consent'), guide.indexOf('## 5.'));
    const rows = section.split('\n').filter((line) => /^\| `[^`]+` \| (delegated|application) \|/.test(line))
      .map((line) => line.split('|').map((c) => c.trim()))
      .map((cells) => ({ name: cells[1]!.replace(/`/g, ''), type: cells[2] === 'application' ? 'Role' : 'Scope', id: cells[3]!.replace(/`/g, '') }));
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'aad.manifest.json'), 'utf8')) as { requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[] };
    const requested = manifest.requiredResourceAccess.filter((r) => r.resourceAppId === MICROSOFT_GRAPH_APP_ID).flatMap((r) => r.resourceAccess);
    const key = (p: { id: string; type: string }) => `${p.id} ${p.type}`;
    expect(rows.map(key).sort()).toEqual(requested.map(key).sort());
    expect(rows.map((r) => `${r.name} ${key(r)}`).sort()).toEqual(GRAPH_PERMISSIONS.map((p) => `${p.name} ${key(p)}`).sort());
  });

  it('says why background jobs need no mailbox access', () => {
    expect(guide).toMatch(/### Why no mailbox access for background jobs[\s\S]*does\s+not ask for the application permission `MailboxSettings.Read`/);
    expect(guide).not.toContain('PUBLIC_BASE_URL');
  });

  it('names every server variable Microsoft 365 mode needs, and PostgreSQL for several instances', () => {
    for (const variable of ['ENTRA_CLIENT_ID', 'ENTRA_CLIENT_SECRET', 'TAB_DOMAIN', 'ENTRA_TENANT_ID', 'DATABASE_URL', 'DATA_DIR']) {
      expect(guide).toContain(`| \`${variable}\` |`);
    }
    expect(guide).toMatch(/More than one instance[\s\S]*DATABASE_URL/);
  });
});
