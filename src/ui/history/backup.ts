/**
 * Backing up the history to one file and reading it back (pure: no DOM, no IndexedDB), and the
 * storage check before a save. The file is JSON:
 *   { "format": "gait-history-backup", "version": 1, "exportedAt": ISO date, "person": name | null,
 *     "sessions": [ { "meta": SessionMeta, "report": gait-report, "track": gait-pose-track,
 *                     "measurements": [...], "video": { "type": MIME, "base64": ... } | null } ] }
 * Session ids are kept, so importing the same backup twice (or into the browser it came from)
 * adds nothing twice.
 */
import { parsePoseTrack } from '../../core/format/validatePoseTrack';
import type { GaitReport } from '../../core/format/report';
import type { Measurement } from '../../core/export/measurements';
import type { SessionMeta, StoredSession } from './store';

export const BACKUP_FORMAT = 'gait-history-backup';
export const BACKUP_VERSION = 1;

export interface BackupVideo {
  type: string;
  base64: string;
}

export interface BackupSession {
  meta: SessionMeta;
  report: GaitReport;
  track: StoredSession['track'];
  measurements: Measurement[];
  video: BackupVideo | null;
}

export interface HistoryBackup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  /** The person this backup holds, or null for everyone. */
  person: string | null;
  sessions: BackupSession[];
}

export function backupText(sessions: BackupSession[], person: string | null, when: Date): string {
  const backup: HistoryBackup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: when.toISOString(), person, sessions };
  return JSON.stringify(backup);
}

export type ParseBackupResult = { ok: true; backup: HistoryBackup } | { ok: false; error: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a backup file's text; a file that is not one gets a specific message. */
export function parseBackup(text: string): ParseBackupResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not a history backup: it is not JSON.' };
  }
  if (!isObject(doc) || doc.format !== BACKUP_FORMAT) {
    const other = isObject(doc) && typeof doc.format === 'string' ? ` (it is a ${doc.format} file${doc.format === 'gait-pose-track' ? ': open it from the start page instead' : ''})` : '';
    return { ok: false, error: `This file is not a history backup${other}.` };
  }
  if (doc.version !== BACKUP_VERSION) return { ok: false, error: `This backup is version ${String(doc.version)}; this app reads version ${BACKUP_VERSION}.` };
  if (!Array.isArray(doc.sessions)) return { ok: false, error: 'This backup has no list of sessions.' };
  const sessions: BackupSession[] = [];
  for (const [i, s] of doc.sessions.entries()) {
    const where = `Session ${i + 1} of the backup`;
    if (!isObject(s) || !isObject(s.meta) || typeof s.meta.id !== 'string' || typeof s.meta.createdAt !== 'number') {
      return { ok: false, error: `${where} has no id or date.` };
    }
    if (!isObject(s.report) || s.report.format !== 'gait-report') return { ok: false, error: `${where} has no gait report.` };
    const track = parsePoseTrack(s.track);
    if (!track.ok) return { ok: false, error: `${where}: ${track.error}` };
    const video = isObject(s.video) && typeof s.video.base64 === 'string' && typeof s.video.type === 'string' ? { type: s.video.type, base64: s.video.base64 } : null;
    sessions.push({
      meta: s.meta as unknown as SessionMeta,
      report: s.report as unknown as GaitReport,
      track: track.track,
      measurements: Array.isArray(s.measurements) ? (s.measurements as Measurement[]) : [],
      video,
    });
  }
  return { ok: true, backup: { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: String(doc.exportedAt ?? ''), person: typeof doc.person === 'string' ? doc.person : null, sessions } };
}

/** Below this share of the quota left, the browser's storage counts as nearly full. */
export const NEARLY_FULL_FRACTION = 0.9;

export interface StorageCheck {
  level: 'ok' | 'nearly-full' | 'full';
  /** For people; empty when ok. */
  message: string;
}

const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;

/**
 * Whether `neededBytes` more fit in the browser's storage for this site (from
 * navigator.storage.estimate()): 'full' when they do not (the save would fail), 'nearly-full' when
 * the storage would be over 90 % used after it. Unknown quota: ok.
 */
export function checkStorage(estimate: { usage?: number; quota?: number } | null, neededBytes: number): StorageCheck {
  const quota = estimate?.quota;
  const usage = estimate?.usage ?? 0;
  if (!quota || !Number.isFinite(quota)) return { level: 'ok', message: '' };
  const after = usage + neededBytes;
  const advice = 'Export a backup from the history and delete sessions you no longer need (their videos take the most room).';
  if (after > quota) {
    return { level: 'full', message: `Not saved: the browser's storage for this app is full (${mb(usage)} of ${mb(quota)} used; this session needs ${mb(Math.max(neededBytes, 1e6))}). ${advice}` };
  }
  if (after > NEARLY_FULL_FRACTION * quota) {
    return { level: 'nearly-full', message: `The browser's storage for this app is nearly full (${mb(after)} of ${mb(quota)} used after this save). ${advice}` };
  }
  return { level: 'ok', message: '' };
}
