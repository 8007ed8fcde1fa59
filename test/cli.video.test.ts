/**
 * `gait video`: the Node FrameSource over ffmpeg (real timestamps, rotation, errors) and the
 * command run as a user would, on the rendered fixture walks and bad inputs in fixtures/ and on
 * clips made here with ffmpeg. Needs ffmpeg and ffprobe (CI installs them).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openVideoFile, probeVideo } from '../src/video/node/ffmpegSource';
import { VideoInputError } from '../src/contracts';
import type { RawImage } from '../src/contracts';
import { readFixtureTruth } from '../scripts/phoneClips';

const root = join(__dirname, '..');
const fixture = (path: string) => join(root, 'fixtures', path);
let dir = '';

function ffmpeg(...args: string[]) {
  const run = spawnSync('ffmpeg', ['-v', 'error', '-y', ...args], { encoding: 'utf8' });
  if (run.error || run.status !== 0) throw new Error(`ffmpeg ${args.join(' ')} failed: ${run.error?.message ?? run.stderr}`);
}

function gait(args: string[], env: NodeJS.ProcessEnv = process.env) {
  return spawnSync(process.execPath, [join(root, 'bin/gait.mjs'), ...args], { encoding: 'utf8', cwd: root, env, timeout: 280_000 });
}

beforeAll(() => {
  for (const tool of ['ffmpeg', 'ffprobe']) {
    const probe = spawnSync(tool, ['-version']);
    if (probe.error) throw new Error(`${tool} is not installed: these tests (and \`gait video\`) need it. Install ffmpeg (Debian: apt-get install ffmpeg).`);
  }
  dir = mkdtempSync(join(tmpdir(), 'gait-video-'));
  writeFileSync(join(dir, 'notes.mp4'), 'This is a text file with a video name.\n');
  ffmpeg('-f', 'lavfi', '-i', 'sine=frequency=440:duration=3', '-c:a', 'aac', join(dir, 'sound.mp4'));
  // 320x240 coded, rotated 90 degrees by the container (as phones do for portrait video).
  ffmpeg('-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=10:duration=2.5', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', join(dir, 'flat.mp4'));
  ffmpeg('-i', join(dir, 'flat.mp4'), '-c', 'copy', '-metadata:s:v:0', 'rotate=90', join(dir, 'rotated.mp4'));
  // Variable frame rate: 30 fps with every third frame 24 ms late.
  ffmpeg(
    '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=30:duration=3',
    '-vf', "settb=1/1000,setpts='(N/30+0.012*mod(N\\,3))/TB'", '-fps_mode', 'passthrough',
    '-enc_time_base', '1:1000', '-video_track_timescale', '1000', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', join(dir, 'vfr.mp4'),
  );
  // A truncated MP4: the index (moov) at the end is cut off.
  writeFileSync(join(dir, 'truncated.mp4'), readFileSync(join(dir, 'flat.mp4')).subarray(0, 3000));
}, 120_000);

describe('Node FrameSource over ffmpeg', () => {
  it('gives every frame at its real presentation time on a variable-frame-rate video', async () => {
    const expected = spawnSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'frame=pts_time', '-of', 'csv=p=0', join(dir, 'vfr.mp4')], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter(Boolean)
      .map((line) => Number(line.split(',')[0]));
    expect(expected).toHaveLength(90);
    const source = await openVideoFile(join(dir, 'vfr.mp4'));
    expect(source.frameCount).toBe(90);
    const times: number[] = [];
    for await (const frame of source.frames()) {
      times.push(frame.t);
      expect((frame.image as RawImage).data).toHaveLength(160 * 120 * 3);
      frame.release();
    }
    expect(times).toHaveLength(90);
    times.forEach((t, i) => expect(t).toBeCloseTo(expected[i], 4));
    expect(times[1] - times[0]).toBeCloseTo(0.045, 3); // not the nominal 1/30
  });

  it('with minIntervalS, gives frames at least that far apart', async () => {
    const source = await openVideoFile(join(dir, 'vfr.mp4'));
    const times: number[] = [];
    for await (const frame of source.frames({ minIntervalS: 0.25 })) times.push(frame.t);
    expect(times.length).toBeGreaterThanOrEqual(10);
    expect(times.length).toBeLessThanOrEqual(12);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(0.249);
  });

  it('applies the container rotation: a 320x240 stream rotated 90 degrees gives upright 240x320 frames', async () => {
    const probe = await probeVideo(join(dir, 'rotated.mp4'));
    expect(probe.rotation % 180).toBe(90);
    expect([probe.width, probe.height]).toEqual([240, 320]);
    const source = await openVideoFile(join(dir, 'rotated.mp4'));
    for await (const frame of source.frames()) {
      const image = frame.image as RawImage;
      expect([image.width, image.height]).toEqual([240, 320]);
      expect(image.data).toHaveLength(240 * 320 * 3);
      const crop = (await frame.crop({ x: 0, y: 0, width: 240, height: 240 }, 64)) as RawImage;
      expect([crop.width, crop.height, crop.data.length]).toEqual([64, 64, 64 * 64 * 3]);
      break;
    }
  });

  it('crops from the yuv420p planes match crops from the rgb24 ffmpeg makes (and so does the whole frame)', async () => {
    const first = async (trackingPixels: 'rgb24' | 'yuv420p') => {
      const source = await openVideoFile(fixture('walks/healthy-ltr.mp4'), { trackingPixels });
      for await (const frame of source.frames({ fromS: 2 })) {
        const crop = (await frame.crop({ x: 300, y: 60, width: 400, height: 400 }, 192)) as RawImage;
        return { crop, image: frame.image as RawImage };
      }
      throw new Error('no frame');
    };
    const rgb = await first('rgb24');
    const yuv = await first('yuv420p');
    const meanAbsDiff = (a: RawImage, b: RawImage) => {
      let sum = 0;
      for (let i = 0; i < a.data.length; i++) sum += Math.abs(a.data[i] - b.data[i]);
      return sum / a.data.length;
    };
    expect([yuv.image.width, yuv.image.height, yuv.image.data.length]).toEqual([960, 480, 960 * 480 * 3]);
    // Chroma is sampled nearest rather than filtered, and rounding differs: a few levels of 255.
    expect(meanAbsDiff(yuv.crop, rgb.crop)).toBeLessThan(4);
    expect(meanAbsDiff(yuv.image, rgb.image)).toBeLessThan(4);
  });

  it('names what is wrong with a file that is not a usable video', async () => {
    const codeOf = (path: string) => probeVideo(path).then(() => 'ok', (e) => (e instanceof VideoInputError ? e.code : e.message));
    expect(await codeOf(join(dir, 'notes.mp4'))).toBe('not-a-video');
    expect(await codeOf(join(dir, 'sound.mp4'))).toBe('no-video-track');
    expect(await codeOf(join(dir, 'truncated.mp4'))).toBe('corrupt');
    expect(await codeOf(join(dir, 'missing.mp4'))).toMatch(/No such file/);
  });
});

describe('gait video', () => {
  it('prints the gait report of a rendered walk and writes its pose track', () => {
    const truth = JSON.parse(readFileSync(fixture('walks/healthy-ltr.truth.json'), 'utf8'));
    const trackPath = join(dir, 'ltr.track.json');
    const run = gait(['video', fixture('walks/healthy-ltr.mp4'), '--track', trackPath]);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.format).toBe('gait-report');
    expect(report.direction).toBe('left-to-right');
    expect(Math.abs(report.summary.cadence / truth.cadence - 1)).toBeLessThan(0.04);
    expect(report.quality.usableCycles.left).toBeGreaterThanOrEqual(2);
    expect(report.quality.usableCycles.right).toBeGreaterThanOrEqual(2);

    const track = JSON.parse(readFileSync(trackPath, 'utf8'));
    expect(track).toMatchObject({ format: 'gait-pose-track', version: 1, width: 960, height: 480 });
    expect(track.frames).toHaveLength(truth.frameCount);
    track.frames.forEach((frame: { t: number }, i: number) => expect(frame.t).toBeCloseTo(i / 30, 4));
    // The people found are listed on stderr, the analysed one marked, with a timing line.
    expect(run.stderr).toMatch(new RegExp(`\\* --person ${track.source.personId}: walks left to right`));
    expect(run.stderr).toMatch(/timing \(lightning, wasm.*frames\/s.*real time; decode .* tracking inference/);
  }, 300_000);

  it('refuses bad input with a specific message and a non-zero exit code', () => {
    const cases: [string[], RegExp][] = [
      [['video', join(dir, 'missing.mp4')], /missing\.mp4: no such file/],
      [['video', join(dir, 'notes.mp4')], /not a video file/],
      [['video', join(dir, 'sound.mp4')], /no video stream: it has sound only/],
      [['video', join(dir, 'truncated.mp4')], /damaged or incomplete/],
      [['video', fixture('bad/one-second.mp4')], /too short: 1\.0 s/],
      [['video', fixture('walks/healthy-ltr.mp4'), '--model', 'fast'], /--model must be one of lightning, thunder, blazepose-lite, blazepose-full, blazepose-heavy, got "fast"/],
      [['video', fixture('walks/healthy-ltr.mp4'), '--person', 'her'], /--person must be a person id/],
      [['video'], /video needs a video file/],
    ];
    for (const [args, message] of cases) {
      const run = gait(args);
      expect(run.status, args.join(' ')).not.toBe(0);
      expect(run.stderr, `${args.join(' ')}: ${run.stderr}`).toMatch(message);
    }
  }, 120_000);

  it('says to install ffmpeg when it is missing', () => {
    const run = gait(['video', fixture('walks/healthy-ltr.mp4')], { ...process.env, PATH: '/nonexistent' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/ffprobe was not found.*install it/);
  });

  it('an empty scene gives "nobody found"; an unknown --person names the ones found', () => {
    const nobody = gait(['video', fixture('bad/nobody.mp4')]);
    expect(nobody.status).not.toBe(0);
    expect(nobody.stderr, nobody.stderr).toMatch(/Nobody was found in this video/);
    const unknown = gait(['video', fixture('walks/healthy-rtl.mp4'), '--person', '99']);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr, unknown.stderr).toMatch(/no person with id 99 in this video \(found: \d+\)/);
  }, 300_000);

  it('a folder of videos: one report per video in --out, a line per file, the rest go on after a bad one', () => {
    const batch = join(dir, 'batch');
    mkdirSync(batch);
    copyFileSync(fixture('walks/healthy-ltr.mp4'), join(batch, 'a-ltr.mp4'));
    copyFileSync(fixture('walks/healthy-rtl.mp4'), join(batch, 'b-rtl.MP4'));
    writeFileSync(join(batch, 'c-notes.mp4'), 'not a video\n');
    writeFileSync(join(batch, 'readme.txt'), 'not listed: not a video extension\n');
    const out = join(dir, 'reports');
    const run = gait(['video', batch, '--out', out, '--jobs', '2']);
    expect(run.status, run.stderr).toBe(1); // one file failed
    expect(readdirSync(out).sort()).toEqual(['a-ltr.report.json', 'b-rtl.report.json']);
    expect(JSON.parse(readFileSync(join(out, 'a-ltr.report.json'), 'utf8')).direction).toBe('left-to-right');
    expect(JSON.parse(readFileSync(join(out, 'b-rtl.report.json'), 'utf8')).direction).toBe('right-to-left');
    const ltr = readFixtureTruth('healthy-ltr');
    const ltrSeconds = (ltr.frameCount / ltr.fps).toFixed(1).replace('.', '\\.');
    expect(run.stderr).toMatch(new RegExp(`\\[1/3\\] .*a-ltr\\.mp4: ${ltr.frameCount} frames, ${ltrSeconds} s of video in [\\d.]+ s \\([\\d.]+x real time\\) -> .*a-ltr\\.report\\.json`));
    expect(run.stderr).toMatch(/\[3\/3\] .*c-notes\.mp4: failed: .*not a video file/);
    expect(run.stderr).toMatch(/2 of 3 videos analysed: .* real time, 2 workers\)/);
    expect(run.stdout).toBe('');

    const noOut = gait(['video', batch]);
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toMatch(/several videos need --out DIR/);
    expect(gait(['video', batch, '--out', out, '--jobs', '0']).stderr).toMatch(/--jobs must be a whole number from 1 to 64/);
  }, 300_000);

  it('a walk filmed from the front is tracked but refused by the analysis as not a side view', () => {
    const run = gait(['video', fixture('bad/frontal.mp4')]);
    expect(run.status).not.toBe(0);
    expect(run.stderr, run.stderr).toMatch(/side/i);
  }, 300_000);
});
