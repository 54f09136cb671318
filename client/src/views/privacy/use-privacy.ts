import { useState } from 'react';
import type { ApiError } from '../../api/api-error';
import type { EraseResponse, ExportResponse } from '@unplug/contract';
import { asApiError } from '../../common/problems';
import { useSession } from '../../session/session';

export type Task<T> = { status: 'idle' } | { status: 'running' } | { status: 'done'; result: T } | { status: 'failed'; error: ApiError };

export interface PrivacyModel {
  exportTask: Task<{ records: number; tables: number }>;
  eraseTask: Task<{ records: number }>;
  exportData(): void;
  eraseData(): void;
}

const countRecords = (counts: number[]) => counts.reduce((sum, n) => sum + n, 0);

/** Export (a JSON download) and erase (after the person confirmed) of everything stored about them. */
export function usePrivacy(download: (fileName: string, json: string) => void = downloadJson): PrivacyModel {
  const { api } = useSession();
  const [exportTask, setExport] = useState<PrivacyModel['exportTask']>({ status: 'idle' });
  const [eraseTask, setErase] = useState<PrivacyModel['eraseTask']>({ status: 'idle' });

  const exportData = () => {
    setExport({ status: 'running' });
    api.get<ExportResponse>('/api/me/export').then(
      (data) => {
        download(`unplug-export-${data.exportedAt.slice(0, 10)}.json`, JSON.stringify(data, null, 2));
        setExport({ status: 'done', result: { records: countRecords(Object.values(data.tables).map((rows) => rows.length)), tables: Object.keys(data.tables).length } });
      },
      (e: unknown) => setExport({ status: 'failed', error: asApiError(e) }),
    );
  };

  const eraseData = () => {
    setErase({ status: 'running' });
    api.delete<EraseResponse>('/api/me/data').then(
      ({ erased }) => setErase({ status: 'done', result: { records: countRecords(Object.values(erased)) } }),
      (e: unknown) => setErase({ status: 'failed', error: asApiError(e) }),
    );
  };

  return { exportTask, eraseTask, exportData, eraseData };
}

/** Saves text as a file through a temporary object URL (no server round trip, no token in a URL). */
function downloadJson(fileName: string, json: string): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
