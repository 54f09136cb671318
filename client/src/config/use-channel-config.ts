import { useEffect, useState } from 'react';
import type { TabHost } from '../host/host';
import { channelTabConfig } from './channel-tab-config';

export type ChannelConfigStatus =
  | { kind: 'outside-teams' }
  | { kind: 'not-settings' }
  | { kind: 'ready' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'failed'; message: string };

/**
 * The channel tab's configuration page: there is nothing to choose yet, so Save is enabled at
 * once; on Save the tab tells Teams where the team view lives.
 */
export function useChannelConfig(host: TabHost): ChannelConfigStatus {
  const inSettings = host.kind === 'teams' && host.context.frameContext === 'settings';
  const [status, setStatus] = useState<ChannelConfigStatus>(() =>
    host.kind !== 'teams' ? { kind: 'outside-teams' } : inSettings ? { kind: 'ready' } : { kind: 'not-settings' });

  useEffect(() => {
    if (host.kind !== 'teams' || !inSettings) return;
    host.config.onSave((save) => {
      setStatus({ kind: 'saving' });
      host.config.save(channelTabConfig(window.location.origin)).then(
        () => {
          setStatus({ kind: 'saved' });
          save.succeed();
        },
        (error: unknown) => {
          const message = `Teams did not save the tab (${error instanceof Error ? error.message : String(error)}). Try Save again.`;
          setStatus({ kind: 'failed', message });
          save.fail(message);
        },
      );
    });
    host.config.setValid(true);
  }, [host, inSettings]);

  return status;
}
