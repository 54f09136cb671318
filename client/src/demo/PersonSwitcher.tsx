import { Select, makeStyles, tokens } from '@fluentui/react-components';
import type { DemoPerson } from './demo-identity';

const useStyles = makeStyles({
  select: { minWidth: '14rem', marginLeft: tokens.spacingHorizontalS },
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
