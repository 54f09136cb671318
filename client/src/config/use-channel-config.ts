import { useEffect, useRef, useState } from 'react';
import type { TabHost } from '../host/host';
import { channelTabConfig, tabNameProblem } from './channel-tab-config';

export type ChannelConfigStatus =
  | { kind: 'outside-teams' }
  | { kind: 'not-settings' }
  | { kind: 'ready' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'failed'; message: string };

export interface ChannelConfigModel {
  status: ChannelConfigStatus;
  name: string;
  /** Why the name cannot be saved (Teams' Save stays disabled meanwhile). */
  nameProblem: string | undefined;
  setName(name: string): void;
}

/**
 * The channel tab's configuration page (`pages.config`): the tab's name is the one choice; Save is
 * enabled while it is valid, and on Save the tab tells Teams where the team view lives.
 */
export function useChannelConfig(host: TabHost): ChannelConfigModel {
  const inSettings = host.kind === 'teams' && host.context.frameContext === 'settings';
  const [status, setStatus] = useState<ChannelConfigStatus>(() =>
    host.kind !== 'teams' ? { kind: 'outside-teams' } : inSettings ? { kind: 'ready' } : { kind: 'not-settings' });
  const [name, setName] = useState('Unplug');
  const nameProblem = tabNameProblem(name);
  // The save handler is registered once; it reads the name as it is when Save is pressed.
  const nameRef = useRef(name);
  useEffect(() => {
    nameRef.current = name;
  }, [name]);

  useEffect(() => {
    if (host.kind !== 'teams' || !inSettings) return;
    host.config.onSave((save) => {
      setStatus({ kind: 'saving' });
      host.config.save(channelTabConfig(window.location.origin, nameRef.current)).then(
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
  }, [host, inSettings]);

  const valid = nameProblem === undefined;
  useEffect(() => {
    if (host.kind === 'teams' && inSettings) host.config.setValid(valid);
  }, [host, inSettings, valid]);

  return { status, name, nameProblem, setName };
}
