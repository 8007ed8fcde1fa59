/**
 * Phone video in the camera's time (src/video/shared/captureTime.ts): a high-frame-rate source is
 * thinned to 60 Hz for tracking on a grid of its own time (so spans keep the same frames as one
 * pass), scouting passes are not thinned, and a slowed-down export's times are divided by its factor.
 */
import { describe, expect, it } from 'vitest';
import type { FrameRequest, FrameSource, PoseInput, SourceFrame } from '../src/contracts';
import { checkSlowedBy, describeCapture, inCaptureTime, SlowedByError } from '../src/video/shared/captureTime';

/** `fps` frames a second for `durationS`, times as a container rounds them (to 1/90000 s). */
function source(fps: number, durationS: number) {
  const released: number[] = [];
  const requests: FrameRequest[] = [];
  const frameCount = Math.round(fps * durationS);
  const s: FrameSource = {
    name: 'clip.mp4',
    width: 960,
    height: 480,
    durationS,
    frameCount,
    codec: 'avc',
    close: () => undefined,
    async *frames(request: FrameRequest = {}) {
      requests.push(request);
      const { minIntervalS = 0, fromS = -Infinity, toS = Infinity } = request;
      let last = -Infinity;
      for (let i = 0; i < frameCount; i++) {
        const t = Math.round((i / fps) * 90000) / 90000;
        if (t < fromS - 1e-6 || t >= toS - 1e-6 || t - last < minIntervalS - 1e-3) continue;
        last = t;
        const frame: SourceFrame = { t, image: {} as PoseInput, crop: async () => ({}) as PoseInput, release: () => void released.push(i) };
        yield frame;
      }
    },
  };
  return { source: s, released, requests };
}

async function times(s: FrameSource, request?: FrameRequest): Promise<number[]> {
  const out: number[] = [];
  for await (const frame of s.frames(request)) {
    out.push(frame.t);
    frame.release();
  }
  return out;
}

describe('inCaptureTime', () => {
  it('tracks a 240 fps clip at 60 Hz: every 4th frame, at its real time; skipped frames are released', async () => {
    const { source: raw, released } = source(240, 2);
    const s = inCaptureTime(raw);
    expect(s.capture).toEqual({ fps: 240, slowMotion: true, slowedBy: null, trackedFps: 60 });
    expect(s.frameCount).toBe(120);
    const t = await times(s);
    expect(t).toHaveLength(120);
    t.forEach((x, i) => expect(x).toBeCloseTo(i / 60, 4));
    expect(released).toHaveLength(480); // every decoded frame, kept or not
  });

  it('a span that starts anywhere keeps the same frames as one pass (spans join on shared frames)', async () => {
    const s = inCaptureTime(source(240, 4).source);
    const whole = await times(s);
    for (const fromS of [0.9, 1.0021, 2.5]) {
      const span = await times(s, { fromS, toS: 3.5 });
      expect(span).toEqual(whole.filter((t) => t >= fromS - 1e-6 && t < 3.5 - 1e-6));
    }
  });

  it('tracks a 120 fps clip at 60 Hz: every 2nd frame', async () => {
    const s = inCaptureTime(source(120, 2).source);
    expect(s.capture).toEqual({ fps: 120, slowMotion: true, slowedBy: null, trackedFps: 60 });
    const t = await times(s);
    expect(t).toHaveLength(120);
    t.forEach((x, i) => expect(x).toBeCloseTo(i / 60, 4));
  });

  it('leaves 30 and 60 fps video whole, and scouting passes unthinned', async () => {
    for (const fps of [30, 60]) {
      const s = inCaptureTime(source(fps, 2).source);
      expect(s.capture).toEqual({ fps, slowMotion: false, slowedBy: null, trackedFps: fps });
      expect(await times(s)).toHaveLength(2 * fps);
      expect(describeCapture(s.capture)).toBeNull();
    }
    const scouting = await times(inCaptureTime(source(240, 4).source), { minIntervalS: 0.25 });
    expect(scouting).toHaveLength(16);
  });

  it('a file that states too high a rate loses none of its real 30 fps frames', async () => {
    // 30 fps frames 8 ms into each 1/60 s, in a file that claims 300 fps.
    const { source: raw } = source(30, 2);
    const late = async function* (r?: FrameRequest) {
      for await (const f of raw.frames(r)) yield { ...f, t: f.t + 0.008 };
    };
    const s = inCaptureTime({ ...raw, frames: late, frameCount: 600 });
    expect(s.capture.fps).toBe(300);
    expect(await times(s)).toHaveLength(60);
  });

  it('a slowed-down export: times, ranges and intervals in real time; the file asked in its own time', async () => {
    // 240 fps filmed, shown at 30 fps: 2 s of real time play for 16 s.
    const { source: raw, requests } = source(30, 16);
    const s = inCaptureTime(raw, { slowedBy: 8 });
    expect(s.durationS).toBe(2);
    expect(s.capture).toEqual({ fps: 240, slowMotion: true, slowedBy: 8, trackedFps: 60 });
    const t = await times(s, { fromS: 0.5, toS: 1.5 });
    expect(requests.at(-1)).toMatchObject({ fromS: 4, toS: 12 });
    expect(t).toHaveLength(60);
    t.forEach((x, i) => expect(x).toBeCloseTo(0.5 + i / 60, 4));
    expect(describeCapture(s.capture)).toBe('slow motion: a slow-motion export playing 8 times slower than real time (as told), filmed at 240 fps; times are real time; the pose tracked at 60 fps');
  });

  it('refuses a factor that cannot be right, saying why', () => {
    expect(() => checkSlowedBy(0.5, 30)).toThrow(SlowedByError);
    expect(() => checkSlowedBy(40, 30)).toThrow(/from 1 to 32/);
    expect(() => inCaptureTime(source(240, 2).source, { slowedBy: 8 })).toThrow(/already plays at 240 fps; slowed down 8 times it would have been filmed at 1920 fps/);
    expect(checkSlowedBy(8, 30)).toBe(240);
  });
});
