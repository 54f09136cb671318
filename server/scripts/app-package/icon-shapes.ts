/**
 * The Unplug mark as geometry: a plug (two prongs, a rounded body, a neck and a cord) whose
 * prongs stand free — it is unplugged. Coordinates are in a unit square (0–1, y grows down), so
 * the same mark draws the 192×192 colour icon and the 32×32 outline icon.
 */

interface RoundedRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
  radius: number;
}

const MARK: readonly RoundedRect[] = [
  { left: 0.26, top: 0.0, right: 0.4, bottom: 0.3, radius: 0.05 }, // left prong
  { left: 0.6, top: 0.0, right: 0.74, bottom: 0.3, radius: 0.05 }, // right prong
  { left: 0.08, top: 0.24, right: 0.92, bottom: 0.64, radius: 0.14 }, // body
  { left: 0.36, top: 0.58, right: 0.64, bottom: 0.78, radius: 0.06 }, // neck
  { left: 0.43, top: 0.7, right: 0.57, bottom: 1.0, radius: 0.0 }, // cord
];

/** The slot across the body (a cut-out), so the mark reads as a plug and not a block. */
const SLOT: RoundedRect = { left: 0.28, top: 0.41, right: 0.72, bottom: 0.47, radius: 0.03 };

function insideRoundedRect(x: number, y: number, r: RoundedRect): boolean {
  if (x < r.left || x > r.right || y < r.top || y > r.bottom) return false;
  const cx = Math.min(Math.max(x, r.left + r.radius), r.right - r.radius);
  const cy = Math.min(Math.max(y, r.top + r.radius), r.bottom - r.radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r.radius ** 2;
}

/** Whether a point of the unit square is ink. */
export function insideMark(x: number, y: number): boolean {
  if (insideRoundedRect(x, y, SLOT)) return false;
  return MARK.some((shape) => insideRoundedRect(x, y, shape));
}

/**
 * Fraction (0–1) of the pixel at (px, py) covered by the mark, when the mark is drawn into the
 * square [offset, offset + size) of the canvas; 4×4 samples per pixel smooth the edges.
 */
export function markCoverage(px: number, py: number, offset: number, size: number): number {
  const samples = 4;
  let hits = 0;
  for (let sy = 0; sy < samples; sy += 1) {
    for (let sx = 0; sx < samples; sx += 1) {
      const x = (px + (sx + 0.5) / samples - offset) / size;
      const y = (py + (sy + 0.5) / samples - offset) / size;
      if (x >= 0 && x < 1 && y >= 0 && y < 1 && insideMark(x, y)) hits += 1;
    }
  }
  return hits / (samples * samples);
}
