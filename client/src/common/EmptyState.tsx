import type { ReactNode } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingVerticalL,
    borderRadius: tokens.borderRadiusMedium, border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  text: { margin: 0 },
  detail: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** Nothing to show: says so plainly, and what happens next or what to do. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="note">
      <Text as="p" weight="semibold" className={styles.text}>{title}</Text>
      {children && <Text as="p" className={styles.detail}>{children}</Text>}
    </div>
  );
}
