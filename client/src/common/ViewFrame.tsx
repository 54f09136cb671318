import type { ReactNode } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '64rem' },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  heading: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  text: { margin: 0 },
  description: { margin: 0, color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

interface ViewFrameProps {
  title: string;
  description?: ReactNode;
  /** Controls beside the title (week navigation, refresh). */
  actions?: ReactNode;
  children: ReactNode;
}

/** The frame of every view: a level-2 heading, a sentence on what it shows, then the content. */
export function ViewFrame({ title, description, actions, children }: ViewFrameProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={title}>
      <div className={styles.header}>
        <div className={styles.heading}>
          <Text as="h2" size={500} weight="semibold" className={styles.text}>{title}</Text>
          {description && <Text as="p" className={styles.description}>{description}</Text>}
        </div>
        {actions && <div className={styles.actions}>{actions}</div>}
      </div>
      {children}
    </section>
  );
}
