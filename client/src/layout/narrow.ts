import { isMobileHostClient } from '../host/host';

/**
 * Narrow layouts: a phone (Teams mobile, 320–430 px) or a Teams side panel (about 320–400 px).
 * One breakpoint for the whole tab, so the shell, views and touch sizes switch together.
 */

/** Widths up to this many CSS pixels get the narrow layout. */
export const NARROW_MAX_WIDTH_PX = 599;

/** For `makeStyles`: `{ [NARROW]: { padding: … } }`. */
export const NARROW = `@media (max-width: ${NARROW_MAX_WIDTH_PX}px)`;

/** The same breakpoint for `window.matchMedia`. */
export const NARROW_QUERY = `(max-width: ${NARROW_MAX_WIDTH_PX}px)`;

/** A finger, not a mouse: the browser says the main pointer is coarse. */
export const COARSE_POINTER_QUERY = '(pointer: coarse)';

/** Smallest touch target, in CSS pixels (WCAG 2.5.5, Apple and Microsoft guidance): 44 × 44. */
export const TOUCH_TARGET_PX = 44;


/**
 * Whether controls get touch sizes: on a mobile Teams client at any width, and anywhere the
 * window is narrow or the main pointer is a finger.
 *
 * @example touchSized({ hostClientType: 'web', narrow: true, coarsePointer: false }) // true
 */
export function touchSized({ hostClientType, narrow, coarsePointer }: { hostClientType: string | undefined; narrow: boolean; coarsePointer: boolean }): boolean {
  return isMobileHostClient(hostClientType) || narrow || coarsePointer;
}
