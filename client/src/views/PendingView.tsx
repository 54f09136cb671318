import { Text, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  text: { margin: 0 },
  note: { margin: 0, color: tokens.colorNeutralForeground3 },
});

interface PendingViewProps {
  title: string;
  /** What the finished view will show, in a sentence or two. */
  children: string;
}

/** A view whose content is not built yet: it says what it will show, and shows no made-up data. */
export function PendingView({ title, children }: PendingViewProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={title}>
      <Text as="h2" size={500} weight="semibold" className={styles.text}>{title}</Text>
      <Text as="p" className={styles.text}>{children}</Text>
      <Text as="p" className={styles.note}>This view is not built yet.</Text>
    </section>
  );
}
