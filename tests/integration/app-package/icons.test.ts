import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ACCENT_RGB, drawColorIcon, drawOutlineIcon } from '../../../server/scripts/app-package/draw-icons';
import { checkColorIcon, checkOutlineIcon } from '../../../server/scripts/app-package/icon-rules';
import { repoRoot } from './fixtures';

describe('the Unplug icons', () => {
  it('are the committed files, so appPackage/ is what draw-icons.ts makes', () => {
    expect(drawColorIcon().equals(readFileSync(path.join(repoRoot, 'appPackage/color.png')))).toBe(true);
    expect(drawOutlineIcon().equals(readFileSync(path.join(repoRoot, 'appPackage/outline.png')))).toBe(true);
  });

  it('pass the icon checks', () => {
    expect(checkColorIcon('color.png', drawColorIcon())).toEqual([]);
    expect(checkOutlineIcon('outline.png', drawOutlineIcon())).toEqual([]);
  });

  it('colour icon: the accent colour with a white mark inside the central 96×96, nothing in the 48 px margin', () => {
    const icon = PNG.sync.read(drawColorIcon());
    const at = (x: number, y: number) => [...icon.data.subarray((y * 192 + x) * 4, (y * 192 + x) * 4 + 4)];
    expect(at(0, 0)).toEqual([...ACCENT_RGB, 255]);
    expect(at(47, 96)).toEqual([...ACCENT_RGB, 255]);
    expect(at(96, 130)).toEqual([255, 255, 255, 255]); // the cord
    expect(at(96, 89)).toEqual([...ACCENT_RGB, 255]); // the slot across the body
  });

  it('accent colour matches the manifest', () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'appPackage/manifest.json'), 'utf8')) as { accentColor: string };
    expect(manifest.accentColor.toLowerCase()).toBe(`#${ACCENT_RGB.map((c) => c.toString(16).padStart(2, '0')).join('')}`);
  });
});
