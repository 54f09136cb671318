import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { markCoverage } from './icon-shapes';

/** The manifest's accentColor: the colour icon's background. Keep both in step. */
export const ACCENT_RGB = [0x1f, 0x6f, 0x5c] as const;

/**
 * The colour icon: the white mark on the accent colour, 192×192. The mark sits in the middle
 * 96×96 with 48 px around it, which Teams needs to crop the icon into a circle or rounded tile.
 */
export function drawColorIcon(): Buffer {
  const size = 192;
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const ink = markCoverage(x, y, 48, 96);
      const i = (y * size + x) * 4;
      for (let c = 0; c < 3; c += 1) png.data[i + c] = Math.round(ACCENT_RGB[c]! * (1 - ink) + 255 * ink);
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/**
 * The outline icon: the mark alone, white on transparent, 32×32 and filling the canvas (Teams
 * recolours it and adds its own spacing). Edge pixels are white with partial alpha.
 */
export function drawOutlineIcon(): Buffer {
  const size = 32;
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const ink = markCoverage(x, y, 0, 32);
      const i = (y * size + x) * 4;
      png.data[i] = 255;
      png.data[i + 1] = 255;
      png.data[i + 2] = 255;
      png.data[i + 3] = Math.round(ink * 255);
    }
  }
  return PNG.sync.write(png);
}

/** `npx tsx server/scripts/app-package/draw-icons.ts` rewrites appPackage/color.png and outline.png. */
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const appPackageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../appPackage');
  writeFileSync(path.join(appPackageDir, 'color.png'), drawColorIcon());
  writeFileSync(path.join(appPackageDir, 'outline.png'), drawOutlineIcon());
  console.log(`Wrote color.png and outline.png to ${appPackageDir}`);
}
