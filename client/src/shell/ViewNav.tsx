import { Tab, TabList } from '@fluentui/react-components';
import type { ViewId } from '../routing/route';
import { VIEW_LABELS } from '../routing/views';

export const tabIdOf = (view: ViewId) => `unplug-tab-${view}`;
export const panelIdOf = (view: ViewId) => `unplug-panel-${view}`;

interface ViewNavProps {
  views: ViewId[];
  selected: ViewId;
  onSelect(view: ViewId): void;
}

export function ViewNav({ views, selected, onSelect }: ViewNavProps) {
  return (
    <TabList aria-label="Views" selectedValue={selected} onTabSelect={(_event, data) => onSelect(data.value as ViewId)}>
      {views.map((view) => (
        <Tab key={view} id={tabIdOf(view)} value={view} aria-controls={panelIdOf(view)}>{VIEW_LABELS[view]}</Tab>
      ))}
    </TabList>
  );
}
