import type { TFunction } from 'i18next';
import { errorMessage } from './errors.js';

/** A file the server sent in a tRPC answer (an export, as base64). */
export type ServerFile = { filename: string; contentType: string; base64: string };

/** Saves a file the server sent as base64 (an export): the browser's own download, named by the server. */
export function downloadBase64(file: ServerFile): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  saveBlob(new Blob([bytes], { type: file.contentType }), file.filename);
}

function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A refused file download over plain HTTP (`/api/export/…`): the server's domain error, translated where known. */
export class DownloadError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly key: string | null,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

/** The file name from a `Content-Disposition` header (RFC 5987 `filename*` first), else `fallback`. */
export function filenameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/**
 * Fetches a file from a plain HTTP endpoint (`/api/export/deals?…`) and saves it; a refusal (status ≥ 400)
 * throws a DownloadError with the server's message instead of leaving the browser on a JSON error page.
 * Returns the saved file's name.
 */
export async function downloadUrl(url: string): Promise<string> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) {
    let body: { error?: { message?: string; key?: string; params?: Record<string, string | number> } } = {};
    try {
      body = (await res.json()) as typeof body;
    } catch {
      // not JSON: keep the status
    }
    throw new DownloadError(body.error?.message ?? `HTTP ${res.status}`, res.status, body.error?.key ?? null, body.error?.params);
  }
  const name = filenameOf(res.headers.get('content-disposition'), url.split('?')[0]?.split('/').pop() ?? 'download');
  saveBlob(await res.blob(), name);
  return name;
}

/** What a failed download says to the reader: a tRPC domain error or an HTTP refusal, translated where its key is known. */
export function downloadErrorMessage(e: unknown, t: TFunction): string {
  if (e instanceof DownloadError) {
    const general = t('common:downloadFailedStatus', { status: e.status });
    const specific = e.key ? t(`errors:${e.key}`, { ...e.params, defaultValue: e.message }) : e.message;
    return `${general} ${specific}`;
  }
  return `${t('common:downloadFailed')} ${errorMessage(e, t)}`;
}
