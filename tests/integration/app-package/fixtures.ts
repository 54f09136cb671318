import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { buildPackage } from '../../../server/scripts/app-package/build';
import { readZip } from '../../../server/scripts/app-package/zip';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export type Manifest = Record<string, unknown> & {
  staticTabs: Record<string, unknown>[];
  configurableTabs: Record<string, unknown>[];
  webApplicationInfo: { id: string; resource: string };
  validDomains: string[];
  developer: Record<string, string>;
  name: { short: string; full: string };
};

/** The real package, built from appPackage/ and env/.env.dev, as files (name → bytes). */
export async function realDevPackage(): Promise<Map<string, Buffer>> {
  const built = await buildPackage(repoRoot, 'dev');
  return readZip(built.zip);
}

export function manifestOf(files: ReadonlyMap<string, Buffer>): Manifest {
  return JSON.parse(files.get('manifest.json')!.toString('utf8')) as Manifest;
}

/** A copy of the package with the manifest changed by `edit` and/or files replaced. */
export function variant(files: ReadonlyMap<string, Buffer>, edit: (m: Manifest) => void, replace: Record<string, Buffer | undefined> = {}): Map<string, Buffer> {
  const manifest = structuredClone(manifestOf(files));
  edit(manifest);
  const copy = new Map(files);
  copy.set('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)));
  for (const [name, bytes] of Object.entries(replace)) {
    if (bytes) copy.set(name, bytes);
    else copy.delete(name);
  }
  return copy;
}

/** A PNG of the given size; `pixel` decides each pixel's RGBA. */
export function png(width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const image = new PNG({ width, height });
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) image.data.set(pixel(x, y), (y * width + x) * 4);
  }
  return PNG.sync.write(image);
}
