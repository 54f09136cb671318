import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  // Focusable, so keyboard users can scroll it too (axe: scrollable-region-focusable).
  region: {
    overflowX: 'auto',
    maxWidth: '100%',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  // The first column (the row's name, e.g. the day) stays put while the figures scroll under it.
  stickyFirstColumn: {
    '& th:first-child, & td:first-child': {
      position: 'sticky',
      left: 0,
      zIndex: 1,
      backgroundColor: tokens.colorNeutralBackground2,
      boxShadow: `inset -${tokens.strokeWidthThin} 0 0 ${tokens.colorNeutralStroke2}`,
    },
  },
});

interface ScrollRegionProps {
  /** What the region holds, for screen readers: "Balance day by day". */
  label: string;
  /** Keep the first column of the table inside in place while scrolling sideways. */
  stickyFirstColumn?: boolean;
  children: ReactNode;
}

/**
 * A region that scrolls sideways on its own when its content (a wide table) is wider than the
 * screen, so the page itself never does.
 */
export function ScrollRegion({ label, stickyFirstColumn = false, children }: ScrollRegionProps) {
  const styles = useStyles();
  const scrollable = useScrollsSideways<HTMLDivElement>();
  return (
    // A tab stop only while it scrolls: then it must be reachable by keyboard (arrow keys scroll it).
    <div ref={scrollable.ref} role="region" aria-label={label} tabIndex={scrollable.sideways ? 0 : undefined} className={mergeClasses(styles.region, stickyFirstColumn && styles.stickyFirstColumn)}>
      {children}
    </div>
  );
}

/** Whether the element's content is wider than the element, following resizes of either. */
function useScrollsSideways<T extends HTMLElement>(): { ref: RefObject<T>; sideways: boolean } {
  const ref = useRef<T>(null);
  const [sideways, setSideways] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const check = () => setSideways(element.scrollWidth > element.clientWidth);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    for (const child of element.children) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  return { ref, sideways };
}
