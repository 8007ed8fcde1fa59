/**
 * The history backup as a file in the browser: sessions from IndexedDB to a backup (videos as
 * base64 when asked for) and a backup's sessions back into IndexedDB, merged by session id.
 */
import { backupText, parseBackup, type BackupSession } from './backup';
import { importSessions, readSessions, type StoredSession } from './store';
import { personOf } from './trends';

async function blobToBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

function base64ToBlob(base64: string, type: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

/** The backup file of everyone's sessions, or one person's; with their videos when asked. */
export async function makeBackup(person: string | null, withVideos: boolean, when = new Date()): Promise<{ blob: Blob; count: number }> {
  const sessions = await readSessions((meta) => person === null || personOf(meta) === person);
  const out: BackupSession[] = [];
  for (const s of sessions) {
    const { report, track, video, measurements, ...meta } = s;
    out.push({
      meta: { ...meta, hasVideo: withVideos && !!video },
      report,
      track,
      measurements: measurements ?? [],
      video: withVideos && video ? { type: video.type || 'video/mp4', base64: await blobToBase64(video) } : null,
    });
  }
  return { blob: new Blob([backupText(out, person, when)], { type: 'application/json' }), count: out.length };
}

/** Reads a backup file into the history; sessions already here (same id) are left as they are. */
export async function restoreBackup(file: Blob): Promise<{ added: number; skipped: number }> {
  const parsed = parseBackup(await file.text());
  if (!parsed.ok) throw new Error(parsed.error);
  const sessions: StoredSession[] = parsed.backup.sessions.map((s) => ({
    ...s.meta,
    hasVideo: !!s.video,
    report: s.report,
    track: s.track,
    measurements: s.measurements,
    video: s.video ? base64ToBlob(s.video.base64, s.video.type) : null,
  }));
  return importSessions(sessions);
}
