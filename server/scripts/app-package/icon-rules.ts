import { PNG } from 'pngjs';
import { problem, type Problem } from './problem';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The outline icon's symbol must reach the canvas edge: Teams adds its own spacing around it. */
const MAX_OUTLINE_PADDING_PX = 2;

function readPng(file: string, bytes: Buffer): { png: PNG } | { problem: Problem } {
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    return { problem: problem('icons', `${file} is not a PNG file (Teams accepts PNG icons only).`) };
  }
  try {
    return { png: PNG.sync.read(bytes) };
  } catch (error) {
    return { problem: problem('icons', `${file} is a damaged PNG: ${error instanceof Error ? error.message : String(error)}.`) };
  }
}

function sizeProblem(file: string, png: PNG, expected: number, what: string): Problem | undefined {
  if (png.width === expected && png.height === expected) return undefined;
  return problem('icons', `${file} is ${png.width}×${png.height} pixels; the ${what} icon must be exactly ${expected}×${expected}.`);
}

/** The colour icon: a PNG of exactly 192×192. */
export function checkColorIcon(file: string, bytes: Buffer): Problem[] {
  const read = readPng(file, bytes);
  if ('problem' in read) return [read.problem];
  const wrongSize = sizeProblem(file, read.png, 192, 'colour');
  return wrongSize ? [wrongSize] : [];
}

/**
 * The outline icon: a PNG of exactly 32×32 whose pixels are all white (any opacity) or fully
 * transparent, with the symbol reaching the edge (no padding).
 */
export function checkOutlineIcon(file: string, bytes: Buffer): Problem[] {
  const read = readPng(file, bytes);
  if ('problem' in read) return [read.problem];
  const { png } = read;
  const wrongSize = sizeProblem(file, png, 32, 'outline');
  if (wrongSize) return [wrongSize];

  const problems: Problem[] = [];
  let coloured = 0;
  let first: string | undefined;
  let ink = { left: png.width, top: png.height, right: -1, bottom: -1 };
  for (let y = 0; y < png.height; y += 1) {
    for (let x = 0; x < png.width; x += 1) {
      const i = (y * png.width + x) * 4;
      const [r, g, b, a] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!];
      if (a === 0) continue;
      ink = { left: Math.min(ink.left, x), top: Math.min(ink.top, y), right: Math.max(ink.right, x), bottom: Math.max(ink.bottom, y) };
      if (r !== 255 || g !== 255 || b !== 255) {
        coloured += 1;
        first ??= `(${x}, ${y}) is rgba(${r}, ${g}, ${b}, ${a})`;
      }
    }
  }
  if (coloured > 0) {
    problems.push(problem('icons', `${file} has ${coloured} pixel(s) that are neither white nor fully transparent, e.g. ${first}; the outline icon may use only white (255, 255, 255) on transparent.`));
  }
  if (ink.right < 0) {
    problems.push(problem('icons', `${file} is fully transparent: the outline icon needs a white symbol.`));
  } else {
    const padding = Math.min(ink.left, ink.top, png.width - 1 - ink.right, png.height - 1 - ink.bottom);
    if (padding > MAX_OUTLINE_PADDING_PX) {
      problems.push(problem('icons', `${file} leaves ${padding} px of empty padding on every side; the outline symbol must fill the 32×32 canvas (Teams adds its own spacing).`));
    }
  }
  return problems;
}
