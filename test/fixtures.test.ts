/**
 * The fixture videos in fixtures/ and their truth: every manifest entry is there unchanged, every
 * truth file is exactly what the synthetic walker gives for its recorded options (a fixture cannot
 * drift from the synth), and the analysis core flags what each walk is meant to show.
 * Needs neither ffmpeg nor the models (the videos are checked by hash and container bytes).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../src/core/analyze';
import { synthesizeWalk } from '../src/synth';
import { fixtureTruth, FIXTURE_FPS, FIXTURE_HEIGHT, FIXTURE_WIDTH, type FixtureTruth } from '../scripts/fixtureTruth';

const FIXTURES = join(__dirname, '..', 'fixtures');

interface WalkEntry {
  name: string;
  video: string;
  truth: string;
  durationS: number;
  frameCount: number;
  completeCycles: { left: number; right: number };
  expectFlags: string[];
  bytes: number;
  sha256: string;
}
interface BadEntry {
  file: string;
  expectedError: { stage: 'video' | 'analysis'; code: string };
  bytes: number;
  sha256: string;
}

const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as { format: string; walks: WalkEntry[]; bad: BadEntry[] };
const readTruth = (entry: WalkEntry): FixtureTruth => JSON.parse(readFileSync(join(FIXTURES, entry.truth), 'utf8'));

/** Top-level boxes of an ISO-BMFF (MP4) file, in order. */
function mp4Boxes(bytes: Buffer): string[] {
  const boxes: string[] = [];
  for (let offset = 0; offset + 8 <= bytes.length; ) {
    const size = bytes.readUInt32BE(offset);
    boxes.push(bytes.toString('latin1', offset + 4, offset + 8));
    if (size < 8) break;
    offset += size;
  }
  return boxes;
}

describe('fixtures/manifest.json', () => {
  it('lists the nine walks (four with feet) and the five bad inputs the issues ask for', () => {
    expect(manifest.format).toBe('gait-fixtures');
    expect(manifest.walks.map((w) => w.name).sort()).toEqual([
      'backward',
      'backward-feet',
      'flatfoot-feet',
      'forefoot-feet',
      'healthy-feet',
      'healthy-ltr',
      'healthy-rtl',
      'limited-pushoff',
      'treadmill',
    ]);
    expect(manifest.bad.map((b) => b.file).sort()).toEqual(['bad/frontal.mp4', 'bad/hevc.mp4', 'bad/nobody.mp4', 'bad/one-second.mp4', 'bad/theora.ogv']);
  });

  it.each([...manifest.walks.flatMap((w) => [[w.video, w] as const]), ...manifest.bad.map((b) => [b.file, b] as const)])(
    '%s exists with the recorded size and hash',
    (file, entry) => {
      const path = join(FIXTURES, file);
      expect(existsSync(path), `${file} is missing: run npx tsx scripts/render-fixtures.ts`).toBe(true);
      const bytes = readFileSync(path);
      expect(bytes.length).toBe(entry.bytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(entry.sha256);
    },
  );

  it('walks are H.264 MP4s with the index first (faststart), small enough for the repository', () => {
    for (const walk of manifest.walks) {
      const bytes = readFileSync(join(FIXTURES, walk.video));
      const boxes = mp4Boxes(bytes);
      expect(boxes[0]).toBe('ftyp');
      expect(boxes.indexOf('moov')).toBeGreaterThan(-1);
      expect(boxes.indexOf('moov'), `${walk.video}: moov after mdat`).toBeLessThan(boxes.indexOf('mdat'));
      expect(bytes.includes('avc1'), `${walk.video} is not H.264`).toBe(true);
      expect(bytes.length).toBeGreaterThan(50_000);
      expect(bytes.length).toBeLessThan(400_000);
    }
  });

  it('bad inputs are what their names say', () => {
    const read = (file: string) => readFileSync(join(FIXTURES, 'bad', file));
    expect(read('hevc.mp4').includes('hvc1')).toBe(true);
    expect(read('hevc.mp4').includes('avc1')).toBe(false);
    expect(read('theora.ogv').toString('latin1', 0, 4)).toBe('OggS');
    expect(read('theora.ogv').includes('theora')).toBe(true);
    for (const file of ['nobody.mp4', 'one-second.mp4', 'frontal.mp4']) expect(read(file).includes('avc1')).toBe(true);
    const codes = Object.fromEntries(manifest.bad.map((b) => [b.file, `${b.expectedError.stage}:${b.expectedError.code}`]));
    expect(codes).toEqual({
      'bad/hevc.mp4': 'video:unsupported-codec',
      'bad/theora.ogv': 'video:unsupported-codec',
      'bad/nobody.mp4': 'video:no-person',
      'bad/one-second.mp4': 'video:too-short',
      'bad/frontal.mp4': 'analysis:not-side-view',
    });
  });
});

describe.each(manifest.walks.map((w) => [w.name, w] as const))('fixture walk %s', (_, entry) => {
  const truth = readTruth(entry);

  it('truth file: video size, frame count, per-frame angle series and events in the clip', () => {
    expect(truth.fixture).toBe(entry.name);
    expect(truth.video).toBe(entry.video);
    expect([truth.width, truth.height, truth.fps]).toEqual([FIXTURE_WIDTH, FIXTURE_HEIGHT, FIXTURE_FPS]);
    expect(truth.frameCount).toBe(entry.frameCount);
    expect(truth.angles.t).toHaveLength(truth.frameCount);
    expect(truth.angles.t[1]).toBeCloseTo(1 / truth.fps, 4);
    for (const side of ['left', 'right'] as const) {
      for (const series of [truth.angles[side].hipFlexion, truth.angles[side].kneeFlexion, truth.angles[side].hipFlexionTrunk]) {
        expect(series).toHaveLength(truth.frameCount);
        expect(series.every((v) => v === null || (Number.isFinite(v) && Math.abs(v) < 120))).toBe(true);
      }
      const { heelStrikes, toeOffs } = truth.events[side];
      expect(heelStrikes.length).toBeGreaterThanOrEqual(3);
      expect(toeOffs.length).toBeGreaterThanOrEqual(3);
      for (const t of [...heelStrikes, ...toeOffs]) expect(t >= 0 && t <= truth.frameCount / truth.fps).toBe(true);
    }
    // The person is 55 % of the frame height and stands on the floor near the bottom.
    expect(truth.bodyHeightPx / truth.height).toBeCloseTo(0.55, 2);
    expect(truth.floorY).toBeGreaterThan(0.9 * truth.height);
  });

  it('is exactly what synthesizeWalk gives for the recorded options (no drift from the synth)', () => {
    const walk = synthesizeWalk(truth.synth);
    expect(walk.truth.fit).toEqual({ widthEnlarged: false, walkerShrunk: false });
    expect(fixtureTruth(entry.name, entry.video, truth.synth, walk.truth)).toEqual(truth);
    expect({ left: walk.truth.cycles.left.length, right: walk.truth.cycles.right.length }).toEqual(entry.completeCycles);
    expect(Math.min(entry.completeCycles.left, entry.completeCycles.right)).toBeGreaterThanOrEqual(3);
  });

  it(`the analysis core flags ${entry.expectFlags.length ? entry.expectFlags.join(' + ') : 'nothing'} on its synthetic track`, () => {
    const { track } = synthesizeWalk(truth.synth);
    const report = analyzeTrack(track);
    expect(report.flags.map((f) => f.id).sort()).toEqual([...entry.expectFlags].sort());
    expect([report.direction, report.walking, report.setting]).toEqual([truth.direction, truth.walking, truth.setting]);
  });
});

describe('fixture walks with feet (issue 10 item 6)', () => {
  const feetWalks = manifest.walks.filter((w) => readTruth(w).synth.feet);
  it('healthy, backward and a forefoot striker (and a flat-foot one), each with foot truth and a track with heel and foot index', () => {
    const seen = feetWalks.map((w) => {
      const truth = readTruth(w);
      return `${truth.walking} ${truth.feet?.pattern}`;
    });
    expect(seen.sort()).toEqual(['backward forefoot', 'forward flat', 'forward forefoot', 'forward heel']);
    for (const w of feetWalks) {
      const truth = readTruth(w);
      const { track } = synthesizeWalk(truth.synth);
      expect(track.keypointNames.slice(17)).toEqual(['left_heel', 'right_heel', 'left_foot_index', 'right_foot_index']);
      expect(truth.feet!.ankle.left).toHaveLength(truth.frameCount);
      for (const side of ['left', 'right'] as const) {
        expect(truth.feet!.contacts[side].initialContacts.length).toBeGreaterThanOrEqual(3);
        expect(truth.feet!.strikes[side].length).toBe(truth.feet!.contacts[side].initialContacts.length);
      }
    }
  });
  it('walks without feet keep a MoveNet-17 truth (no foot block)', () => {
    for (const w of manifest.walks.filter((x) => !readTruth(x).synth.feet)) expect(readTruth(w).feet).toBeUndefined();
  });
});

describe('fixture walks cover what issue 3 item 7 asks for', () => {
  const truths = manifest.walks.map(readTruth);
  it('both directions, backward walking, a treadmill and a pathological walk', () => {
    const describe = (t: FixtureTruth) => `${t.walking} ${t.direction} ${t.setting}`;
    expect(truths.map(describe)).toEqual(
      expect.arrayContaining([
        'forward left-to-right overground',
        'forward right-to-left overground',
        'backward right-to-left overground',
        'forward left-to-right treadmill',
      ]),
    );
    expect(truths.filter((t) => Object.keys(t.pathology).length > 0).map((t) => t.fixture)).toEqual(['limited-pushoff']);
    expect(truths.find((t) => t.fixture === 'limited-pushoff')!.pathology).toMatchObject({ side: 'left', hipExtensionDeficitDeg: 14 });
  });
});
