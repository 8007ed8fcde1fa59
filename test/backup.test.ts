/** History backup (issue 12 item 6): the file read back, bad files named, the storage check. */
import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../src/core/analyze';
import { backupText, checkStorage, parseBackup } from '../src/ui/history/backup';
import { keyNumbers } from '../src/ui/history/sessionSummary';
import { synthesizeWalk } from '../src/synth';

const { track } = synthesizeWalk({ setting: 'treadmill', seed: 3, durationS: 8 });
const report = analyzeTrack(track);
const session = {
  meta: { id: 'a1', createdAt: 1_700_000_000_000, note: 'before', sourceName: 'walk.json', keyNumbers: keyNumbers(report), hasVideo: true, person: 'Ana' },
  report,
  track,
  measurements: [{ kind: 'angle' as const, frame: 3, t: 0.1, points: [[1, 2], [3, 4], [5, 7]] as [number, number][] }],
  video: { type: 'video/mp4', base64: 'AAEC' },
};

describe('history backup', () => {
  it('reads back what it writes', () => {
    const parsed = parseBackup(backupText([session], 'Ana', new Date('2026-11-30T08:00:00Z')));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.backup.person).toBe('Ana');
    expect(parsed.backup.exportedAt).toBe('2026-11-30T08:00:00.000Z');
    expect(parsed.backup.sessions).toHaveLength(1);
    const s = parsed.backup.sessions[0];
    expect(s.meta).toEqual(session.meta);
    expect(s.report.summary.cadence).toBe(report.summary.cadence);
    expect(s.track.frames).toHaveLength(track.frames.length);
    expect(s.measurements).toEqual(session.measurements);
    expect(s.video).toEqual({ type: 'video/mp4', base64: 'AAEC' });
  });

  it('names what is wrong with a file that is not a backup', () => {
    const err = (text: string) => {
      const r = parseBackup(text);
      return r.ok ? '' : r.error;
    };
    expect(err('not json')).toMatch(/not JSON/);
    expect(err(JSON.stringify(track))).toMatch(/gait-pose-track file: open it from the start page/);
    expect(err(JSON.stringify({ format: 'gait-history-backup', version: 2, sessions: [] }))).toMatch(/version 2/);
    const broken = JSON.parse(backupText([session], null, new Date()));
    broken.sessions[0].track.frames = 'no';
    expect(err(JSON.stringify(broken))).toMatch(/^Session 1 of the backup: /);
    delete broken.sessions[0].meta.id;
    expect(err(JSON.stringify(broken))).toMatch(/Session 1 of the backup has no id/);
  });
});

describe('storage check before a save', () => {
  it('full when the session does not fit, nearly full past 90 %, else ok', () => {
    expect(checkStorage({ usage: 990e6, quota: 1000e6 }, 20e6).level).toBe('full');
    expect(checkStorage({ usage: 990e6, quota: 1000e6 }, 20e6).message).toMatch(/Not saved: .*990 MB of 1000 MB/);
    expect(checkStorage({ usage: 880e6, quota: 1000e6 }, 30e6)).toMatchObject({ level: 'nearly-full' });
    expect(checkStorage({ usage: 100e6, quota: 1000e6 }, 30e6)).toEqual({ level: 'ok', message: '' });
    expect(checkStorage(null, 30e6).level).toBe('ok');
  });
});
