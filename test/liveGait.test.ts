import { describe, expect, it } from 'vitest';
import { KEYPOINT_COUNT, type Keypoint, type PoseFrame } from '../src/core/format/poseTrack';
import { LiveGaitEstimator, type LiveGaitState } from '../src/capture/liveGait';
import { MOVENET_LIKE_NOISE, synthesizeWalk, TOE_OFF_PHASE, type SynthOptions } from '../src/synth';

/** Feeds every `step`-th frame (live pose runs at best effort, below the camera's frame rate). */
function runLive(options: SynthOptions, step = 1) {
  const walk = synthesizeWalk(options);
  const estimator = new LiveGaitEstimator();
  const states: Array<{ i: number; state: LiveGaitState }> = [];
  for (let i = 0; i < walk.track.frames.length; i += step) states.push({ i, state: estimator.push(walk.track.frames[i]) });
  return { ...walk, states };
}

/** Share of (frame, leg) pairs after `fromS` whose live phase matches the truth (stance < toe-off). */
function phaseAgreement(run: ReturnType<typeof runLive>, fromS: number): number {
  let agree = 0;
  let total = 0;
  for (const { i, state } of run.states) {
    if (run.track.frames[i].t < fromS) continue;
    for (const side of ['left', 'right'] as const) {
      const truth = run.truth.phase[side][i];
      if (truth === null) continue;
      total++;
      if (state.phase[side] === (truth < TOE_OFF_PHASE ? 'stance' : 'swing')) agree++;
    }
  }
  return agree / total;
}

function cadencesAfter(run: ReturnType<typeof runLive>, fromS: number): (number | null)[] {
  return run.states.filter(({ i }) => run.track.frames[i].t >= fromS).map(({ state }) => state.cadence);
}

describe('live cadence and phase on the synthetic walker', () => {
  // Clean keypoints: every reading within 2.5 steps/min. With MoveNet-like noise (jitter, 5 % of
  // frames with the legs' labels swapped, 3 % dropped) at 10-15 live frames/s, a swap or dropout
  // next to a step moves that step's time by a frame: typical error under 2, worst 6 steps/min.
  const clean = { typical: 1, worst: 2.5 };
  const noisy = { typical: 2, worst: 6 };
  const cases: Array<{ name: string; options: SynthOptions; step: number; minAgreement: number; tolerance: typeof clean }> = [
    { name: 'treadmill, 110 steps/min, 30 fps, clean', options: { setting: 'treadmill', cadence: 110, durationS: 12 }, step: 1, minAgreement: 0.9, tolerance: clean },
    { name: 'overground right to left, 125 steps/min, clean', options: { cadence: 125, durationS: 8, direction: 'right-to-left' }, step: 1, minAgreement: 0.9, tolerance: clean },
    { name: 'overground, 100 steps/min, MoveNet-like noise, 15 fps', options: { cadence: 100, durationS: 10, noise: MOVENET_LIKE_NOISE }, step: 2, minAgreement: 0.8, tolerance: noisy },
    { name: 'treadmill, 95 steps/min, noise, 10 fps', options: { setting: 'treadmill', cadence: 95, durationS: 12, noise: MOVENET_LIKE_NOISE }, step: 3, minAgreement: 0.8, tolerance: noisy },
    { name: 'walking backwards, 100 steps/min', options: { cadence: 100, durationS: 10, walking: 'backward' }, step: 1, minAgreement: 0.75, tolerance: clean },
  ];

  for (const { name, options, step, minAgreement, tolerance } of cases) {
    it(name, () => {
      const run = runLive(options, step);
      const cadences = cadencesAfter(run, 4);
      expect(cadences.length).toBeGreaterThan(10);
      expect(cadences).not.toContain(null);
      const errors = cadences.map((cadence) => Math.abs((cadence as number) - run.truth.cadence)).sort((a, b) => a - b);
      expect(errors[Math.floor(errors.length / 2)]).toBeLessThan(tolerance.typical);
      expect(errors[errors.length - 1]).toBeLessThan(tolerance.worst);
      expect(phaseAgreement(run, 3)).toBeGreaterThanOrEqual(minAgreement);
      // Every step counted once: the duration at the true cadence, give or take the first ones.
      const last = run.states[run.states.length - 1].state;
      const trueSteps = (run.truth.cadence / 60) * run.track.frames[run.track.frames.length - 1].t;
      expect(last.steps).toBeGreaterThan(trueSteps - 3);
      expect(last.steps).toBeLessThanOrEqual(trueSteps + 1);
    });
  }

  it('says nothing before a few steps have been seen', () => {
    const run = runLive({ cadence: 110, durationS: 6 });
    const early = run.states.filter(({ i }) => run.track.frames[i].t < 1);
    expect(early.length).toBeGreaterThan(20);
    for (const { state } of early) {
      expect(state.cadence).toBeNull();
      expect(state.phase).toEqual({ left: null, right: null });
    }
  });

  it('reports the direction of travel', () => {
    expect(runLive({ cadence: 110, durationS: 6 }).states.at(-1)?.state.travel).toBe(1);
    expect(runLive({ cadence: 110, durationS: 6, direction: 'right-to-left' }).states.at(-1)?.state.travel).toBe(-1);
    expect(runLive({ setting: 'treadmill', cadence: 110, durationS: 6 }).states.at(-1)?.state.travel).toBe(1);
  });

  it('drops the cadence when the walker stands still, and forgets a walker who left', () => {
    const { track } = synthesizeWalk({ setting: 'treadmill', cadence: 110, durationS: 8 });
    const estimator = new LiveGaitEstimator();
    for (const frame of track.frames) estimator.push(frame);
    const endT = track.frames[track.frames.length - 1].t;
    const standing = track.frames[track.frames.length - 1].keypoints;
    let state = estimator.push({ t: endT + 0.1, keypoints: standing });
    expect(state.cadence).not.toBeNull();
    for (let t = endT + 0.2; t < endT + 4; t += 1 / 30) state = estimator.push({ t, keypoints: standing });
    expect(state.cadence).toBeNull();

    const nobody: Keypoint[] = Array.from({ length: KEYPOINT_COUNT }, (): Keypoint => [null, null, 0]);
    for (let t = endT + 4; t < endT + 6; t += 1 / 30) state = estimator.push({ t, keypoints: nobody });
    expect(state).toMatchObject({ cadence: null, steps: 0, phase: { left: null, right: null }, travel: null });
  });

  it('ignores frames that arrive out of order', () => {
    const { track } = synthesizeWalk({ cadence: 110, durationS: 6 });
    const estimator = new LiveGaitEstimator();
    const frames: PoseFrame[] = track.frames;
    let before: LiveGaitState | undefined;
    for (const frame of frames) before = estimator.push(frame);
    const stale = estimator.push({ t: frames[10].t, keypoints: frames[10].keypoints });
    expect(stale.steps).toBe(before?.steps);
    expect(stale.cadence).toBeCloseTo(before?.cadence ?? NaN, 6);
  });
});
