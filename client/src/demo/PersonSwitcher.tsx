import { Select, makeStyles, tokens } from '@fluentui/react-components';
import { NARROW } from '../layout/narrow';
import type { DemoPerson } from './demo-identity';

const useStyles = makeStyles({
  // As wide as it needs up to the screen's width; the browser shortens a long name in the box.
  select: { flexGrow: 1, minWidth: 'min(14rem, 100%)', maxWidth: '100%', marginLeft: tokens.spacingHorizontalS, [NARROW]: { marginLeft: 0 } },
});

interface PersonSwitcherProps {
  people: DemoPerson[];
  personId: string;
  onSelect(id: string): void;
}

/** Demo mode: whose eyes the tab looks through. */
export function PersonSwitcher({ people, personId, onSelect }: PersonSwitcherProps) {
  const styles = useStyles();
  return (
    <Select className={styles.select} aria-label="Demo person" value={personId} onChange={(_event, data) => onSelect(data.value)}>
      {people.map((person) => (
        <option key={person.id} value={person.id}>{person.displayName} ({person.userPrincipalName})</option>
      ))}
    </Select>
  );
}
