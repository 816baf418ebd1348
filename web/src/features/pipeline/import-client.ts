import type { ImportMapping } from '@highland/shared';

/** What the server says while it works, and at the end. */
export type ImportProgress = { phase: 'upload' | 'read' | 'check' | 'write'; done: number; total: number };
export interface ImportError {
  code: string;
  key: string;
  message: string;
  params?: Record<string, string | number>;
  current?: unknown;
}
export class ImportFailure extends Error {
  constructor(readonly error: ImportError) {
    super(error.message);
  }
}

/**
 * Sends a file to the import route (not tRPC: the file is larger than tRPC's body limit; ADR 022) and
 * follows its JSON-lines answer. XMLHttpRequest rather than fetch, because only it reports the upload's
 * progress; the server's own progress lines arrive as the response grows.
 */
export function sendImport<T>(
  file: File,
  query: { mode: 'preview' | 'check' | 'commit'; fundId?: number; mapping?: ImportMapping },
  onProgress: (p: ImportProgress) => void,
): Promise<T> {
  const qs = new URLSearchParams({ mode: query.mode });
  if (query.fundId !== undefined) qs.set('fundId', String(query.fundId));
  if (query.mapping) qs.set('mapping', JSON.stringify(query.mapping));
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/import/deals?${qs}`);
    xhr.setRequestHeader('x-highland-import', '1');
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    let seen = 0;
    let result: T | null = null;
    let failure: ImportError | null = null;
    const consume = () => {
      const text = xhr.responseText;
      const end = text.lastIndexOf('\n');
      if (end < seen) return;
      for (const line of text.slice(seen, end).split('\n')) {
        if (!line.trim()) continue;
        const v = JSON.parse(line) as { type: string; data?: T; error?: ImportError } & ImportProgress;
        if (v.type === 'progress') onProgress({ phase: v.phase, done: v.done, total: v.total });
        else if (v.type === 'result') result = v.data as T;
        else if (v.type === 'error' && v.error) failure = v.error;
      }
      seen = end + 1;
    };
    xhr.upload.onprogress = (e) => onProgress({ phase: 'upload', done: e.loaded, total: e.total || file.size });
    xhr.onprogress = () => {
      if (xhr.getResponseHeader('content-type')?.includes('ndjson')) consume();
    };
    xhr.onerror = () => reject(new ImportFailure({ code: 'NETWORK', key: 'network', message: 'network error' }));
    xhr.onload = () => {
      if (!xhr.getResponseHeader('content-type')?.includes('ndjson')) {
        try {
          reject(new ImportFailure((JSON.parse(xhr.responseText) as { error: ImportError }).error));
        } catch {
          reject(new ImportFailure({ code: 'INVALID_STATE', key: 'internal', message: `HTTP ${xhr.status}` }));
        }
        return;
      }
      consume();
      if (failure) reject(new ImportFailure(failure));
      else if (result !== null) resolve(result);
      else reject(new ImportFailure({ code: 'INVALID_STATE', key: 'internal', message: 'no answer' }));
    };
    xhr.send(file);
  });
}
