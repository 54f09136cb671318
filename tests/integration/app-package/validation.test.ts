import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { latestStableManifestVersion } from '../../../server/scripts/app-package/schema-check';
import { validatePackageFiles, validateZip } from '../../../server/scripts/app-package/validate';
import { writeZip } from '../../../server/scripts/app-package/zip';
import { manifestOf, png, realDevPackage, repoRoot, variant, type Manifest } from './fixtures';

let good: Map<string, Buffer>;
beforeAll(async () => {
  good = await realDevPackage();
});

const white: [number, number, number, number] = [255, 255, 255, 255];
const clear: [number, number, number, number] = [0, 0, 0, 0];
/** A valid outline: a white square touching the edges on a transparent canvas. */
const outlineWith = (pixel: (x: number, y: number) => [number, number, number, number] | undefined) =>
  png(32, 32, (x, y) => pixel(x, y) ?? (x > 4 && x < 27 ? white : clear));

describe('the real package built from env/.env.dev', () => {
  it('passes every check', () => {
    expect(validatePackageFiles(good)).toEqual([]);
  });

  it('is on the newest stable manifest schema bundled in @microsoft/app-manifest', () => {
    const m = manifestOf(good);
    expect(m.manifestVersion).toBe(latestStableManifestVersion());
    expect(m.$schema).toBe(`https://developer.microsoft.com/en-us/json-schemas/teams/v${latestStableManifestVersion()}/MicrosoftTeams.schema.json`);
  });

  it('holds the manifest and the two icons at the root, with every placeholder filled', () => {
    expect([...good.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(good.get('manifest.json')!.toString()).not.toContain('${{');
  });

  it('declares the activity types of its nudges', () => {
    expect(activityTypes(manifestOf(good)).map((a) => a.type)).toEqual(['startingSoon', 'longDay', 'weeklySummary']);
  });

  it('has a personal tab, a configurable channel tab, SSO and the legal pages on the tab domain', () => {
    const m = manifestOf(good);
    const domain = m.validDomains[0]!;
    expect(m.staticTabs[0]).toMatchObject({ contentUrl: `https://${domain}/tab`, scopes: ['personal'] });
    expect(m.configurableTabs[0]).toMatchObject({ configurationUrl: `https://${domain}/config`, scopes: ['team'] });
    expect(m.webApplicationInfo.resource).toBe(`api://${domain}/${m.webApplicationInfo.id}`);
    expect(m.developer).toMatchObject({ privacyUrl: `https://${domain}/privacy`, termsOfUseUrl: `https://${domain}/terms` });
  });

  it('uses the icons committed in appPackage/', () => {
    expect(good.get('color.png')!.equals(readFileSync(path.join(repoRoot, 'appPackage/color.png')))).toBe(true);
    expect(good.get('outline.png')!.equals(readFileSync(path.join(repoRoot, 'appPackage/outline.png')))).toBe(true);
  });
});

type ActivityType = { type: string; description: string; templateText: string };
const activityTypes = (m: Manifest) => (m.activities as { activityTypes: ActivityType[] }).activityTypes;

type Case = [string, (m: Manifest) => void, Record<string, Buffer | undefined>, RegExp];
const noEdit = () => undefined;
const domains = (n: number) => Array.from({ length: n }, (_, i) => `d${i}.contoso.com`);

const cases: Case[] = [
  ['app id that is not a GUID', (m) => { m.id = 'unplug-app'; }, {}, /^id must be a GUID.*"unplug-app"/],
  ['Entra client id that is not a GUID', (m) => { m.webApplicationInfo.id = '1234'; }, {}, /webApplicationInfo\.id must be a GUID/],
  ['http tab URL', (m) => { m.staticTabs[0]!.contentUrl = 'http://unplug-dev.example.com/tab'; }, {}, /staticTabs\[0\]\.contentUrl must be an absolute https:\/\/ URL/],
  ['http privacy URL', (m) => { m.developer.privacyUrl = 'http://unplug-dev.example.com/privacy'; }, {}, /developer\.privacyUrl must be an absolute https/],
  ['terms URL that is not a URL', (m) => { m.developer.termsOfUseUrl = 'terms'; }, {}, /developer\.termsOfUseUrl must be an absolute https/],
  ['http URL in any other field', (m) => { m.configurableTabs[0]!.configurationUrl = 'http://unplug-dev.example.com/config'; }, {}, /configurableTabs\[0\]\.configurationUrl must be an absolute https/],
  ['colour icon of the wrong size', noEdit, { 'color.png': png(96, 96, () => [31, 111, 92, 255]) }, /color\.png is 96×96 pixels; the colour icon must be exactly 192×192/],
  ['outline icon of the wrong size', noEdit, { 'outline.png': png(48, 48, () => white) }, /outline\.png is 48×48 pixels; the outline icon must be exactly 32×32/],
  ['coloured pixel in the outline icon', noEdit, { 'outline.png': outlineWith((x, y) => (x === 10 && y === 3 ? [255, 0, 0, 255] : undefined)) }, /outline\.png has 1 pixel\(s\) that are neither white nor fully transparent, e\.g\. \(10, 3\)/],
  ['opaque background in the outline icon', noEdit, { 'outline.png': png(32, 32, () => [0, 0, 0, 255]) }, /outline\.png has 1024 pixel\(s\)/],
  ['padding around the outline symbol', noEdit, { 'outline.png': png(32, 32, (x, y) => (x >= 8 && x < 24 && y >= 8 && y < 24 ? white : clear)) }, /outline\.png leaves 8 px of empty padding/],
  ['icon that is not a PNG', noEdit, { 'color.png': Buffer.from('GIF89a not a png') }, /color\.png is not a PNG file/],
  ['icon missing from the zip', noEdit, { 'outline.png': undefined }, /icons\.outline names outline\.png, which is not in the package/],
  ['placeholder left unfilled', (m) => { m.developer.name = '${{DEVELOPER_NAME}}'; }, {}, /still contains the placeholder \$\{\{DEVELOPER_NAME\}\}/],
  ['SSO resource on another domain', (m) => { m.webApplicationInfo.resource = `api://other.example.com/${m.webApplicationInfo.id}`; }, {}, /webApplicationInfo\.resource "api:\/\/other\.example\.com\/.*" names other\.example\.com, but the tabs are served from unplug-dev\.example\.com/],
  ['SSO resource with another client id', (m) => { m.webApplicationInfo.resource = 'api://unplug-dev.example.com/00000000-0000-0000-0000-000000000000'; }, {}, /webApplicationInfo\.resource .* does not match the tab domain and client id; it must be "api:\/\/unplug-dev\.example\.com\//],
  ['17 valid domains', (m) => { m.validDomains = ['unplug-dev.example.com', ...domains(16)]; }, {}, /validDomains has 17 entries; Teams accepts at most 16/],
  ['wildcard on a shared host', (m) => { m.validDomains.push('*.azurewebsites.net'); }, {}, /"\*\.azurewebsites\.net" puts a wildcard over a shared host \(azurewebsites\.net\)/],
  ['wildcard over a top-level domain', (m) => { m.validDomains.push('*.com'); }, {}, /"\*\.com" puts a wildcard over a whole top-level domain/],
  ['wildcard inside a label', (m) => { m.validDomains.push('unplug*.contoso.com'); }, {}, /"unplug\*\.contoso\.com" uses "\*" inside a label/],
  ['identity provider domain', (m) => { m.validDomains.push('login.microsoftonline.com'); }, {}, /"login\.microsoftonline\.com" is an identity provider's sign-in domain/],
  ['valid domain with a scheme', (m) => { m.validDomains = ['https://unplug-dev.example.com']; }, {}, /"https:\/\/unplug-dev\.example\.com" must be a bare host name/],
  ['tab served from a domain not in validDomains', (m) => { m.validDomains = ['unplug.contoso.com']; }, {}, /staticTabs\[0\]\.contentUrl is served from unplug-dev\.example\.com, which validDomains does not list/],
  ['name containing "Teams"', (m) => { m.name.short = 'Unplug for Teams'; }, {}, /name\.short "Unplug for Teams" contains "Teams"/],
  ['full name containing a Microsoft product name', (m) => { m.name.full = 'Unplug your Outlook calendar'; }, {}, /name\.full .* contains "Outlook"/],
  ['short name longer than 30 characters', (m) => { m.name.short = 'Unplug and balance your working week'; }, {}, /Schema 1\.30: name\.short is 36 characters long; at most 30 allowed/],
  ['missing required field', (m) => { delete m.description; }, {}, /Schema 1\.30: \(the manifest\) is missing the required property "description"/],
  ['property the schema does not know', (m) => { m.colour = 'green'; }, {}, /has the property "colour", which this manifest version does not allow/],
  ['bad accent colour', (m) => { m.accentColor = 'green'; }, {}, /Schema 1\.30: accentColor is "green", which does not match the required pattern/],
  ['manifest version without a bundled schema', (m) => { m.manifestVersion = '1.99'; }, {}, /manifestVersion "1\.99" has no bundled schema/],
  ['the reserved systemDefault activity type declared', (m) => { activityTypes(m).push({ type: 'systemDefault', description: 'Anything', templateText: '{text}' }); }, {}, /activities\.activityTypes\[3\] declares "systemDefault", a reserved activity type/],
  ['an activity type declared twice', (m) => { activityTypes(m).push({ ...activityTypes(m)[0]! }); }, {}, /activities\.activityTypes\[3\] declares "startingSoon" again/],
  ['activities without webApplicationInfo', (m) => { delete (m as Record<string, unknown>).webApplicationInfo; }, {}, /activities are declared but webApplicationInfo is missing/],
  ['an activity template longer than the schema allows', (m) => { activityTypes(m)[0]!.templateText = 'x'.repeat(129); }, {}, /Schema 1\.30: activities\.activityTypes\[0\]\.templateText is 129 characters long; at most 128 allowed/],
  ['$schema of another version', (m) => { m.$schema = 'https://developer.microsoft.com/en-us/json-schemas/teams/v1.17/MicrosoftTeams.schema.json'; }, {}, /\$schema .* does not name the schema of manifestVersion 1\.30/],
];

describe('a broken package fails with a message naming the problem', () => {
  it.each(cases)('%s', (_title, edit, replace, expected) => {
    const problems = validatePackageFiles(variant(good, edit, replace));
    expect(problems.map((p) => p.message)).toContainEqual(expect.stringMatching(expected));
  });

  it('manifest.json inside a folder', async () => {
    const nested = new Map([...good].map(([name, bytes]) => [`appPackage/${name}`, bytes]));
    expect(validatePackageFiles(nested)).toEqual([expect.objectContaining({ message: expect.stringMatching(/manifest\.json must be at the root of the zip, not in a folder \(found appPackage\/manifest\.json\)/) })]);
  });

  it('manifest.json that is not JSON', () => {
    const broken = new Map(good).set('manifest.json', Buffer.from('{ "id": '));
    expect(validatePackageFiles(broken)[0]!.message).toMatch(/^manifest\.json is not valid JSON/);
  });

  it('a file that is not a zip', async () => {
    expect((await validateZip(Buffer.from('not a zip')))[0]!.message).toMatch(/^The package is not a readable zip file/);
  });

  it('a zip that passes when it holds the good files', async () => {
    expect(await validateZip(await writeZip(good))).toEqual([]);
  });
});
