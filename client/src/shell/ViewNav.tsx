import {
  Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Overflow, OverflowItem, Tab, TabList, makeStyles, tokens, useIsOverflowItemVisible, useOverflowMenu,
} from '@fluentui/react-components';
import { ChevronDownRegular } from '@fluentui/react-icons';
import { NARROW } from '../layout/narrow';
import type { ViewId } from '../routing/route';
import { VIEW_LABELS } from '../routing/views';

export const tabIdOf = (view: ViewId) => `unplug-tab-${view}`;
export const panelIdOf = (view: ViewId) => `unplug-panel-${view}`;

const useStyles = makeStyles({
  // The tab list may be narrower than its tabs (a phone, a side panel): Overflow hides the ones
  // that do not fit and the "More" menu offers them.
  tabList: { minWidth: 0, overflow: 'hidden' },
  // Narrower tabs and a compact "More" on a phone, so two views and More fit in 320 px.
  tab: { flexShrink: 0, [NARROW]: { paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS } },
  more: { flexShrink: 0, alignSelf: 'center', minWidth: 'auto', paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
});

interface ViewNavProps {
  views: ViewId[];
  selected: ViewId;
  onSelect(view: ViewId): void;
}

/**
 * The view switcher: Fluent's TabList with overflow (`Overflow`, `OverflowItem`,
 * `useOverflowMenu`). The selected view has the higher priority, so it always stays visible.
 */
export function ViewNav({ views, selected, onSelect }: ViewNavProps) {
  const styles = useStyles();
  return (
    <Overflow minimumVisible={1}>
      <TabList className={styles.tabList} aria-label="Views" selectedValue={selected} onTabSelect={(_event, data) => onSelect(data.value as ViewId)}>
        {views.map((view) => (
          <OverflowItem key={view} id={view} priority={view === selected ? 2 : 1}>
            <Tab className={styles.tab} id={tabIdOf(view)} value={view} aria-controls={panelIdOf(view)}>{VIEW_LABELS[view]}</Tab>
          </OverflowItem>
        ))}
        <MoreViews views={views} onSelect={onSelect} />
      </TabList>
    </Overflow>
  );
}

/** "More": the views that do not fit, in a menu. Absent while every tab fits. */
function MoreViews({ views, onSelect }: { views: ViewId[]; onSelect(view: ViewId): void }) {
  const styles = useStyles();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        {/* role="tab": the only children a tablist may have; it opens a menu of the other views. */}
        <Button ref={ref} role="tab" aria-selected={false} appearance="transparent" className={styles.more} icon={<ChevronDownRegular />} iconPosition="after"
          aria-label={`More views (${overflowCount})`}>
          More
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {views.map((view) => <MoreViewItem key={view} view={view} onSelect={onSelect} />)}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

function MoreViewItem({ view, onSelect }: { view: ViewId; onSelect(view: ViewId): void }) {
  const visible = useIsOverflowItemVisible(view);
  if (visible) return null;
  return <MenuItem onClick={() => onSelect(view)}>{VIEW_LABELS[view]}</MenuItem>;
}
