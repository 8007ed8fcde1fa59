/**
 * Tracking in spans on several workers (src/pose/spans.ts): the plan covers every frame once, the
 * join picks the frame where the tracks agree, and on a fixture walk the joined track equals the
 * single-worker track (events identical, angles within 0.5 deg).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PoseFrame } from '../src/core/format/poseTrack';
import type { PipelineProgress } from '../src/contracts';
import { analyzeTrack } from '../src/core/analyze';
import { joinSpans, MIN_SPAN_S, MIN_SPLIT_S, planSpans, SPAN_OVERLAP_S, usefulWorkers, type TrackSpan } from '../src/pose/spans';
import { buildPoseTrack, scoutMaxDimension, trackSpan, type SpanTracker } from '../src/pose/trackBuilder';
import { createNodePoseEstimator } from '../src/pose/node';
import type { PoseEstimator } from '../src/pose/models';
import { openVideoFile } from '../src/video/node/ffmpegSource';

describe('planSpans', () => {
  it('cuts the video into equal spans that give every time to exactly one span', () => {
    const spans = planSpans(12, 3);
    expect(spans.map((s) => [s.fromS, s.toS])).toEqual([
      [-Infinity, 4],
      [4, 8],
      [8, Infinity],
    ]);
    expect(spans.map((s) => s.trackFromS)).toEqual([-Infinity, 4 - SPAN_OVERLAP_S, 8 - SPAN_OVERLAP_S]);
    for (const t of [0, 3.99, 4, 7.5, 8, 11.99, 12.5]) expect(spans.filter((s) => t >= s.fromS && t < s.toS)).toHaveLength(1);
  });

  it('uses fewer workers than asked when the spans would be shorter than MIN_SPAN_S', () => {
    expect(planSpans(MIN_SPAN_S * 2.5, 8)).toHaveLength(2);
    expect(planSpans(MIN_SPAN_S * 0.9, 4)).toHaveLength(1);
    expect(planSpans(60, 1)).toEqual([{ index: 0, fromS: -Infinity, toS: Infinity, trackFromS: -Infinity }]);
  });
});

describe('joinSpans', () => {
  const frame = (t: number, x: number): PoseFrame => ({ t, keypoints: [[x, 0, 0.9]] });
  const times = (from: number, to: number) => Array.from({ length: Math.round((to - from) * 10) }, (_, i) => Math.round((from + i / 10) * 10) / 10);

  it('switches to the later span at the settled overlap frame where the two agree best', () => {
    const spans: TrackSpan[] = [
      { index: 0, fromS: -Infinity, toS: 2, trackFromS: -Infinity },
      { index: 1, fromS: 2, toS: Infinity, trackFromS: 1 },
    ];
    const a = times(0, 2).map((t) => frame(t, 100));
    // b starts off, agrees exactly at 1.7 (and nowhere else), then drifts again.
    const b = times(1, 4).map((t) => frame(t, t === 1.7 ? 100 : t < 1.7 ? 130 - t : 200));
    const joined = joinSpans(spans, [a, b]);
    expect(joined.map((f) => f.t)).toEqual(times(0, 4));
    expect(joined.filter((f) => f.t <= 1.7).every((f) => f.keypoints[0][0] === 100)).toBe(true);
    expect(joined.filter((f) => f.t > 1.7).every((f) => f.keypoints[0][0] === 200)).toBe(true);
  });

  it('joins at the span boundary when the tracks share no frame', () => {
    const spans: TrackSpan[] = [
      { index: 0, fromS: -Infinity, toS: 1, trackFromS: -Infinity },
      { index: 1, fromS: 1, toS: Infinity, trackFromS: 1 },
    ];
    const joined = joinSpans(spans, [times(0, 1.5).map((t) => frame(t, 1)), times(1, 2).map((t) => frame(t, 2))]);
    expect(joined.map((f) => [f.t, f.keypoints[0][0]])).toEqual([...times(0, 1).map((t) => [t, 1]), ...times(1, 2).map((t) => [t, 2])]);
  });
});

describe('multi-worker tracking on a fixture walk (ffmpeg, MoveNet on wasm)', () => {
  const video = join(__dirname, '..', 'fixtures', 'walks', 'treadmill.mp4');
  let estimator: PoseEstimator;
  let helper: PoseEstimator;
  let scout: PoseEstimator;

  beforeAll(async () => {
    estimator = (await createNodePoseEstimator({ model: 'lightning' })).estimator;
    helper = (await createNodePoseEstimator({ model: 'lightning' })).estimator;
    scout = (await createNodePoseEstimator({ model: 'multipose', multiPoseMaxDimension: scoutMaxDimension(960, 480) })).estimator;
  }, 120_000);
  afterAll(() => [estimator, helper, scout].forEach((e) => e?.dispose()));

  it('3 workers give the single-worker track: events identical, angles within 0.5 deg', async () => {
    // Spans snap their crops to a grid (src/tracking/cropRegion.ts); the single pass does too here,
    // so that the two runs differ only in being split.
    const single = await buildPoseTrack(await openVideoFile(video), { estimator, scout, snapCrops: true });
    // The other spans run one after another on a second estimator (as a worker would: its own
    // decoder and model); which thread runs them does not change what they compute.
    const spansRun: TrackSpan[] = [];
    let last: PipelineProgress | null = null;
    const tracker: SpanTracker = {
      workers: 3,
      track: async (span, person, onFrame) => {
        spansRun.push(span);
        const source = await openVideoFile(video);
        try {
          return await trackSpan(source, helper, person, { fromS: span.trackFromS, toS: span.toS, onFrame });
        } finally {
          source.close();
        }
      },
    };
    const multi = await buildPoseTrack(await openVideoFile(video), {
      estimator,
      scout,
      people: single.people,
      tracker,
      onProgress: (p) => {
        if (p.stage === 'tracking') last = p;
      },
    });
    expect(spansRun.map((s) => s.index)).toEqual([1, 2]);
    expect(multi.track.frames.map((f) => f.t)).toEqual(single.track.frames.map((f) => f.t));
    // Every frame tracked counts as progress, and the overlaps (2 x 1 s at 30 fps) are in the total
    // from the start: the job ends with all the work done and no time left.
    const end = last as PipelineProgress | null;
    expect(end).not.toBeNull();
    expect(end!.framesDone).toBe(single.track.frames.length + 2 * 30);
    expect(end!.framesTotal).toBe(end!.framesDone);
    expect(end!.etaS).toBe(0);

    const a = analyzeTrack(single.track);
    const b = analyzeTrack(multi.track);
    for (const side of ['left', 'right'] as const) {
      expect(b.sides[side].heelStrikes).toEqual(a.sides[side].heelStrikes);
      expect(b.sides[side].toeOffs).toEqual(a.sides[side].toeOffs);
      for (const angle of ['hipFlexion', 'kneeFlexion'] as const) {
        const diffs = a.frames.angles[side][angle].map((v, i) => {
          const w = b.frames.angles[side][angle][i];
          return v === null || w === null ? (v === w ? 0 : Infinity) : Math.abs(v - w);
        });
        expect(Math.max(...diffs)).toBeLessThanOrEqual(0.5);
      }
    }
  }, 300_000);
});

describe('usefulWorkers', () => {
  it('splits only long clips on fewer than 4 cores, any clip on more', () => {
    expect(usefulWorkers(2, 8, 2)).toBe(1);
    expect(usefulWorkers(2, MIN_SPLIT_S, 2)).toBe(2);
    expect(usefulWorkers(4, 8, 4)).toBe(4);
    expect(usefulWorkers(1, 60, 2)).toBe(1);
  });
});
