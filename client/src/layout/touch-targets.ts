/**
 * Touch-sized controls: every button, tab, menu item, switch and form control at least 44 × 44 px
 * while `<html data-touch="true">` (see `use-touch-layout.ts`). On the document, not on the
 * app's root, so that portals (the views' "More" menu, dialogs) get the same sizes.
 *
 * Fluent has no touch size of its own (its largest buttons are 40 px high), so these rules raise
 * the minimum sizes of its components, found by their documented static class names.
 */
import {
  accordionHeaderClassNames, buttonClassNames, makeStaticStyles, menuButtonClassNames, menuItemClassNames, inputClassNames, selectClassNames, spinButtonClassNames,
  switchClassNames, tabClassNames, toggleButtonClassNames,
} from '@fluentui/react-components';
import { TOUCH_TARGET_PX } from './narrow';

const TOUCH = 'html[data-touch="true"]';
const px = `${TOUCH_TARGET_PX}px`;
const under = (...classNames: string[]) => classNames.map((name) => `${TOUCH} .${name}`).join(', ');

export const useTouchTargetStyles = makeStaticStyles({
  [under(buttonClassNames.root, toggleButtonClassNames.root, menuButtonClassNames.root)]: { minHeight: px, minWidth: px },
  [under(tabClassNames.root, menuItemClassNames.root)]: { minHeight: px },
  // An accordion's header is a button of its own (the demo's activity feed).
  [under(accordionHeaderClassNames.button)]: { minHeight: px },
  [under(selectClassNames.select)]: { minHeight: px },
  [under(inputClassNames.root)]: { minHeight: px },
  // The switch's hidden input covers its track and is as high as its root.
  [under(switchClassNames.root)]: { minHeight: px, alignItems: 'center' },
  // The spin button's stacked 16 px arrows become two 44 px buttons side by side: − then +.
  [under(spinButtonClassNames.root)]: { minHeight: px, gridTemplateColumns: `1fr ${px} ${px}`, gridTemplateRows: '1fr' },
  [under(spinButtonClassNames.incrementButton, spinButtonClassNames.decrementButton)]: {
    position: 'relative', gridRowStart: '1', gridRowEnd: '2', width: px, height: '100%', minHeight: px, padding: '0', justifyContent: 'center',
  },
  [under(spinButtonClassNames.decrementButton)]: { gridColumnStart: '2' },
  [under(spinButtonClassNames.incrementButton)]: { gridColumnStart: '3' },
  [under(spinButtonClassNames.input)]: { gridRowEnd: '2' },
});
