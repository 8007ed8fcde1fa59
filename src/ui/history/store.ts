/**
 * Saved sessions on this device (IndexedDB through idb). Two object stores, so the history list
 * never loads reports, tracks or videos: `sessions` holds what a list row shows, `sessionData`
 * the report, the pose track and the video (when small enough) under the same id.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { GaitReport } from '../../core/format/report';
import type { GaitPoseTrack } from '../../core/format/poseTrack';
import { keyNumbers, type SessionKeyNumbers } from './sessionSummary';
import { personOf } from './trends';
import type { Measurement } from '../../core/export/measurements';

/** Videos up to this size are kept with the session (IndexedDB quotas vary; phones are tight). */
export const MAX_STORED_VIDEO_BYTES = 200 * 1024 * 1024;

export interface SessionMeta {
  id: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  note: string;
  /** What was analysed: the file name, "demo", "imported track", ... */
  sourceName: string;
  keyNumbers: SessionKeyNumbers;
  hasVideo: boolean;
  /** The gait events were corrected by hand (absent in sessions saved before this existed). */
  eventsEdited?: boolean;
  /** Whose walk this is (a name or code); absent means the default person, "me". */
  person?: string;
}

export interface SessionData {
  id: string;
  report: GaitReport;
  track: GaitPoseTrack;
  video: Blob | null;
  /** Angles and distances measured by hand (absent in sessions saved before this existed). */
  measurements?: Measurement[];
}

export type StoredSession = SessionMeta & Omit<SessionData, 'id'>;

interface HistoryDB extends DBSchema {
  sessions: { key: string; value: SessionMeta; indexes: { createdAt: number } };
  sessionData: { key: string; value: SessionData };
}

const DB_NAME = 'gait-history';
const DB_VERSION = 1;

let dbPromise: Promise<IDBPDatabase<HistoryDB>> | null = null;

function db(): Promise<IDBPDatabase<HistoryDB>> {
  dbPromise ??= openDB<HistoryDB>(DB_NAME, DB_VERSION, {
    upgrade(database) {
      const sessions = database.createObjectStore('sessions', { keyPath: 'id' });
      sessions.createIndex('createdAt', 'createdAt');
      database.createObjectStore('sessionData', { keyPath: 'id' });
    },
  }).catch((error: unknown) => {
    dbPromise = null;
    throw error;
  });
  return dbPromise;
}

function newId(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export interface SaveSessionInput {
  report: GaitReport;
  track: GaitPoseTrack;
  video: Blob | null;
  note: string;
  sourceName: string;
  measurements?: Measurement[];
  person?: string;
}

/** Saves one session; returns its meta (with `hasVideo` false when the video was too big to keep). */
export async function saveSession(input: SaveSessionInput): Promise<SessionMeta> {
  const video = input.video && input.video.size <= MAX_STORED_VIDEO_BYTES ? input.video : null;
  const meta: SessionMeta = {
    id: newId(),
    createdAt: Date.now(),
    note: input.note.trim(),
    sourceName: input.sourceName,
    keyNumbers: keyNumbers(input.report),
    hasVideo: video !== null,
    eventsEdited: !!input.report.options.events,
    person: personOf(input),
  };
  const database = await db();
  const tx = database.transaction(['sessions', 'sessionData'], 'readwrite');
  await Promise.all([
    tx.objectStore('sessions').put(meta),
    tx.objectStore('sessionData').put({ id: meta.id, report: input.report, track: input.track, video, measurements: input.measurements ?? [] }),
    tx.done,
  ]);
  return meta;
}

/** All sessions, newest first. */
export async function listSessions(): Promise<SessionMeta[]> {
  const all = await (await db()).getAllFromIndex('sessions', 'createdAt');
  return all.reverse();
}

export async function getSession(id: string): Promise<StoredSession | null> {
  const database = await db();
  const [meta, data] = await Promise.all([database.get('sessions', id), database.get('sessionData', id)]);
  if (!meta || !data) return null;
  return { ...meta, report: data.report, track: data.track, video: data.video, measurements: data.measurements ?? [] };
}

export async function deleteSession(id: string): Promise<void> {
  const database = await db();
  const tx = database.transaction(['sessions', 'sessionData'], 'readwrite');
  await Promise.all([tx.objectStore('sessions').delete(id), tx.objectStore('sessionData').delete(id), tx.done]);
}

export async function updateNote(id: string, note: string, person?: string): Promise<void> {
  const database = await db();
  const meta = await database.get('sessions', id);
  if (meta) await database.put('sessions', { ...meta, note: note.trim(), ...(person !== undefined ? { person: personOf({ person }) } : {}) });
}

/** Replaces a saved session's report (e.g. after its events were corrected), measurements and note. */
export async function updateSession(id: string, report: GaitReport, measurements: Measurement[], note: string, person?: string): Promise<void> {
  const database = await db();
  const tx = database.transaction(['sessions', 'sessionData'], 'readwrite');
  const [meta, data] = await Promise.all([tx.objectStore('sessions').get(id), tx.objectStore('sessionData').get(id)]);
  if (!meta || !data) throw new Error('this session is no longer in the history');
  await Promise.all([
    tx.objectStore('sessions').put({ ...meta, note: note.trim(), keyNumbers: keyNumbers(report), eventsEdited: !!report.options.events, ...(person !== undefined ? { person: personOf({ person }) } : {}) }),
    tx.objectStore('sessionData').put({ ...data, report, measurements }),
    tx.done,
  ]);
}

/** Every saved session with its data (for a backup), newest first; `keep` picks some. */
export async function readSessions(keep: (meta: SessionMeta) => boolean = () => true): Promise<StoredSession[]> {
  const metas = (await listSessions()).filter(keep);
  const database = await db();
  const out: StoredSession[] = [];
  for (const meta of metas) {
    const data = await database.get('sessionData', meta.id);
    if (data) out.push({ ...meta, report: data.report, track: data.track, video: data.video, measurements: data.measurements ?? [] });
  }
  return out;
}

/** Adds sessions (from a backup) whose ids are not here yet; returns how many were added and skipped. */
export async function importSessions(sessions: readonly StoredSession[]): Promise<{ added: number; skipped: number }> {
  const database = await db();
  let added = 0;
  let skipped = 0;
  for (const s of sessions) {
    const tx = database.transaction(['sessions', 'sessionData'], 'readwrite');
    if (await tx.objectStore('sessions').get(s.id)) {
      skipped++;
      tx.abort();
      await tx.done.catch(() => undefined);
      continue;
    }
    const { report, track, video, measurements, ...meta } = s;
    await Promise.all([tx.objectStore('sessions').put(meta), tx.objectStore('sessionData').put({ id: s.id, report, track, video, measurements }), tx.done]);
    added++;
  }
  return { added, skipped };
}
