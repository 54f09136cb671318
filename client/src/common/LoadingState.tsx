import { Skeleton, SkeletonItem, Spinner, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  spinner: { justifyContent: 'flex-start' },
  lines: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '40rem' },
});

/** Shown at once while a view's data loads: a labelled spinner (announced) over a few placeholder lines. */
export function LoadingState({ label, lines = 3 }: { label: string; lines?: number }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Spinner className={styles.spinner} size="tiny" label={label} role="status" />
      <Skeleton className={styles.lines} aria-hidden>
        {Array.from({ length: lines }, (_, i) => <SkeletonItem key={i} size={16} />)}
      </Skeleton>
    </div>
  );
}
