/**
 * src/tracking: people from MultiPose-like detections (id switches, duplicates, reflections),
 * the walking score that picks the walker, crop regions and the crop / back-mapping maths.
 */
import { describe, expect, it } from 'vitest';
import { KP, type Keypoint } from '../src/core/format/poseTrack';
import { gatherPeople, pickWalker, rankPeople, type ScoutFrame, type ScoutPose } from '../src/tracking/people';
import { walkingMotion } from '../src/tracking/walking';
import { chooseCropRegion, CROP_GRID_PX, CROP_SCALE, scoutedBoxAt, SCOUT_HOLD_S, snapSquare } from '../src/tracking/cropRegion';
import { boxFromKeypoints, cropToFrame, frameToCrop, iou, squareAround } from '../src/tracking/geometry';
import { cropRgb } from '../src/video/node/rgbCrop';
import type { Box, PersonCandidate, PersonSample } from '../src/contracts';
import { jittered, jumpingJacks, reflection, standing, walker, type PoseAt } from './helpers/scoutScene';

const STEP = 0.25;
const DURATION = 6;
const times = Array.from({ length: Math.round(DURATION / STEP) + 1 }, (_, i) => i * STEP);

interface Actor {
  pose: PoseAt;
  /** Tracker id at time t (id switches), or null when not detected. */
  id: (t: number) => number | null;
  score?: number;
}

function scout(actors: Actor[]): ScoutFrame[] {
  return times.map((t) => ({
    t,
    poses: actors.flatMap((a): ScoutPose[] => {
      const id = a.id(t);
      if (id === null) return [];
      const keypoints = a.pose(t);
      return [{ keypoints, score: a.score ?? keypoints[0][2], id }];
    }),
  }));
}

const H = 300;
const floorY = 700;
// The walker crosses left to right; the tracker loses them at 2.75 s and gives a new id after.
const theWalker: Actor = {
  pose: jittered(walker({ x0: 200, floorY, height: H, speed: 0.8 }), 4, 1),
  id: (t) => (t < 2.6 ? 1 : t < 2.9 ? null : 5),
};
// Jumping jacks on a box, higher up; a plain id switch (no gap) at 3 s.
const theJumper: Actor = {
  pose: jittered(jumpingJacks({ x: 1300, floorY: 450, height: 280 }), 4, 2),
  id: (t) => (t < 3 ? 2 : 6),
};
// A poster or a still reflection of someone standing.
const theStill: Actor = { pose: jittered(standing({ x: 1650, floorY: 600, height: 220 }), 2, 3), id: () => 3 };

const byId = (people: PersonCandidate[], id: number) => people.find((p) => p.id === id)!;

describe('gathering scouted detections into people', () => {
  const people = gatherPeople(scout([theWalker, theJumper, theStill]), DURATION);

  it('joins a person across tracker id switches, with and without a gap', () => {
    expect(people.map((p) => p.id).sort((a, b) => a - b)).toEqual([1, 2, 3]);
    const w = byId(people, 1);
    expect(w.samples[0].t).toBe(0);
    expect(w.samples[w.samples.length - 1].t).toBe(DURATION);
    expect(w.samples).toHaveLength(times.length - 1); // one frame missed at 2.75 s
    expect(byId(people, 2).samples).toHaveLength(times.length);
  });

  it('picks the walker, not the person doing jumping jacks or the still one', () => {
    expect(pickWalker(people)!.id).toBe(1);
    expect(people[0].id).toBe(1);
    expect(byId(people, 1).walkingScore).toBeGreaterThan(0.8);
    expect(byId(people, 2).walkingScore).toBeLessThan(0.2);
    expect(byId(people, 3).walkingScore).toBeLessThan(0.05);
  });

  it('describes each person in plain words', () => {
    expect(byId(people, 1).description).toMatch(/^walks left to right, in view 6\.0 s/);
    expect(byId(people, 2).description).toMatch(/up and down in place.*not walking/);
    expect(byId(people, 3).description).toMatch(/stands or sits still/);
  });

  it('gives a preview box where the person is', () => {
    const { t, box } = byId(people, 1).preview;
    const hipX = walker({ x0: 200, floorY, height: H, speed: 0.8 })(t)[KP.leftHip][0]!;
    expect(box.x).toBeLessThan(hipX);
    expect(box.x + box.width).toBeGreaterThan(hipX);
    expect(box.height).toBeGreaterThan(H);
    expect(box.height).toBeLessThan(1.4 * H);
  });

  it('a walker walking right to left is described so', () => {
    const rtl = gatherPeople(scout([{ pose: walker({ x0: 1600, floorY, height: H, speed: -0.8 }), id: () => 4 }]));
    expect(rtl[0].description).toMatch(/walks right to left/);
  });

  it('two people in view at the same time are never joined, even when they cross', () => {
    const other: Actor = { pose: walker({ x0: 1500, floorY, height: H, speed: -0.8 }), id: () => 9 };
    const crossing = gatherPeople(scout([{ ...theWalker, id: () => 1 }, other]));
    expect(crossing.map((p) => p.id).sort((a, b) => a - b)).toEqual([1, 9]);
    for (const p of crossing) expect(p.samples).toHaveLength(times.length);
  });

  it('a body detected twice at once (two ids, overlapping boxes) is one person', () => {
    const twin: Actor = { pose: jittered(walker({ x0: 205, floorY: floorY + 3, height: H, speed: 0.8 }), 4, 7), id: () => 11, score: 0.4 };
    const people2 = gatherPeople(scout([{ ...theWalker, id: () => 1 }, twin, theJumper]));
    expect(people2.map((p) => p.id).sort((a, b) => a - b)).toEqual([1, 2]);
    // The more confident detection is kept at each time.
    expect(byId(people2, 1).samples.every((s) => s.score === 0.6)).toBe(true);
  });

  it('drops unconfident detections (MultiPose empty slots) and one-frame flickers', () => {
    const ghost: Actor = { pose: standing({ x: 900, floorY, height: H, score: 0.1 }), id: () => 20 };
    const flicker: Actor = { pose: standing({ x: 1200, floorY, height: H }), id: (t) => (t === 1 ? 21 : null) };
    const ids = gatherPeople(scout([theWalker, ghost, flicker])).map((p) => p.id);
    expect(ids).toEqual([1]);
  });

  it('a walker on a treadmill (in place, feet alternating) beats jumping jacks', () => {
    const treadmill: Actor = { pose: jittered(walker({ x0: 600, floorY, height: H, speed: 0 }), 3, 8), id: () => 30 };
    const people3 = gatherPeople(scout([theJumper, treadmill]));
    expect(pickWalker(people3)!.id).toBe(30);
    expect(byId(people3, 30).description).toMatch(/walks in place \(treadmill\)/);
    expect(byId(people3, 30).walkingScore).toBeGreaterThan(0.8);
  });

  it('a reflection of the walker in a mirror walks too: the larger, nearer body is picked', () => {
    const mirror: Actor = { pose: reflection(theWalker.pose, { cx: 900, cy: 300, scale: 0.6, score: 0.45 }), id: () => 40 };
    const people4 = gatherPeople(scout([mirror, { ...theWalker, id: () => 41 }]));
    expect(people4).toHaveLength(2);
    expect(Math.abs(byId(people4, 40).walkingScore - byId(people4, 41).walkingScore)).toBeLessThan(0.05);
    expect(pickWalker(people4)!.id).toBe(41);
  });

  it('without tracker ids, detections are still linked into people by where they are', () => {
    const frames = scout([theWalker, theJumper]).map((f) => ({ ...f, poses: f.poses.map(({ id: _id, ...p }) => p) }));
    const anonymous = gatherPeople(frames);
    expect(anonymous).toHaveLength(2);
    expect(pickWalker(anonymous)!.description).toMatch(/walks left to right/);
  });

  it('nobody scouted: no people and no pick', () => {
    expect(gatherPeople(times.map((t) => ({ t, poses: [] })))).toEqual([]);
    expect(pickWalker([])).toBeNull();
  });

  it('ties are broken by size, then time in view, then the lower id', () => {
    const sample = (t: number, height: number): PersonSample => ({ t, box: { x: 0, y: 0, width: 100, height }, keypoints: [], score: 0.5 });
    const person = (id: number, height: number, until: number, walkingScore = 0.5): PersonCandidate => ({
      id,
      walkingScore,
      samples: [sample(0, height), sample(until, height)],
      preview: { t: 0, box: sample(0, height).box },
      description: '',
    });
    expect(rankPeople([person(1, 200, 5), person(2, 300, 5)]).map((p) => p.id)).toEqual([2, 1]);
    expect(rankPeople([person(1, 300, 3), person(2, 300, 5)]).map((p) => p.id)).toEqual([2, 1]);
    expect(rankPeople([person(7, 300, 5), person(3, 300, 5)]).map((p) => p.id)).toEqual([3, 7]);
    expect(rankPeople([person(1, 300, 5, 0.9), person(2, 500, 6, 0.5)]).map((p) => p.id)).toEqual([1, 2]);
  });
});

describe('the walking score', () => {
  const samplesOf = (pose: PoseAt): PersonSample[] =>
    times.map((t) => {
      const keypoints = pose(t);
      return { t, keypoints, box: boxFromKeypoints(keypoints)!, score: 0.6 };
    });

  it('measures travel in body heights and counts the feet swapping order', () => {
    const m = walkingMotion(samplesOf(walker({ x0: 200, floorY, height: H, speed: 0.8 })), DURATION);
    // Body height comes from eyes-to-ankles (× 1.06 for the top of the head): within a few per cent.
    expect(Math.abs(m.travelHeights / (0.8 * DURATION) - 1)).toBeLessThan(0.03);
    // 0.9 strides/s = 1.8 steps/s over 6 s: about 10 swaps of the ankles' order.
    expect(m.alternations).toBeGreaterThanOrEqual(8);
    expect(m.alternations).toBeLessThanOrEqual(12);
    expect(m.upright).toBe(1);
    expect(m.armsUp).toBe(0);
    expect(m.bounce).toBeLessThan(0.06);
    expect(m.activity).toBe('walks-across');
  });

  it('jumping jacks: big bounce, arms overhead, feet never swap', () => {
    const m = walkingMotion(samplesOf(jumpingJacks({ x: 600, floorY, height: H })), DURATION);
    expect(m.alternations).toBe(0);
    expect(m.armsUp).toBeGreaterThan(0.3);
    expect(m.bounce).toBeGreaterThan(0.1);
    expect(m.activity).toBe('jumps');
    expect(m.score).toBeLessThan(0.2);
  });

  it('someone lying down (trunk horizontal) is not walking even when carried across', () => {
    const lying: PoseAt = (t) =>
      walker({ x0: 200, floorY, height: H, speed: 0.8 })(t).map(([x, y, s]): Keypoint => {
        const hipX = 200 + 0.8 * H * t;
        const hipY = floorY - 0.5 * H;
        return [hipX + (y! - hipY), hipY + (x! - hipX) * 0.2, s]; // rotated 90 degrees
      });
    expect(walkingMotion(samplesOf(lying), DURATION).score).toBeLessThan(0.1);
  });
});

describe('crop regions for the single-pose model', () => {
  const box = (x: number, y: number, width: number, height: number): Box => ({ x, y, width, height });
  const samples: PersonSample[] = [0, 0.25, 0.5, 1.75].map((t, i) => ({ t, box: box(100 + 40 * i, 50, 100, 200), keypoints: [], score: 0.5 }));
  const pose = walker({ x0: 200, floorY, height: H, speed: 0 })(0);
  const poseBox = boxFromKeypoints(pose)!;

  it('the scouted box is interpolated between samples and held briefly at the ends', () => {
    expect(scoutedBoxAt(samples, 0.125)).toEqual(box(120, 50, 100, 200));
    expect(scoutedBoxAt(samples, 0)).toEqual(samples[0].box);
    expect(scoutedBoxAt(samples, -SCOUT_HOLD_S + 0.01)).toEqual(samples[0].box);
    expect(scoutedBoxAt(samples, -SCOUT_HOLD_S - 0.01)).toBeNull();
    expect(scoutedBoxAt(samples, 1.75 + SCOUT_HOLD_S - 0.01)).toEqual(samples[3].box);
    expect(scoutedBoxAt(samples, 1.75 + SCOUT_HOLD_S + 0.01)).toBeNull();
    // A gap longer than 1 s between samples: held near each end, unknown in the middle.
    expect(scoutedBoxAt(samples, 0.6)).toEqual(samples[2].box);
    expect(scoutedBoxAt(samples, 1.1)).toBeNull();
    expect(scoutedBoxAt(samples, 1.6)).toEqual(samples[3].box);
    expect(scoutedBoxAt([], 0)).toBeNull();
  });

  it('follows the previous keypoints while they agree with the scouted person', () => {
    const choice = chooseCropRegion(pose, poseBox, CROP_GRID_PX)!;
    expect(choice.from).toBe('keypoints');
    expect(choice.region).toEqual(snapSquare(squareAround(poseBox, CROP_SCALE), CROP_GRID_PX));
    // One pass over a whole video does not snap.
    expect(chooseCropRegion(pose, poseBox)!.region).toEqual(squareAround(poseBox, CROP_SCALE));
    expect(choice.region.width).toBe(choice.region.height);
    // The whole body is inside the crop with room to spare.
    for (const [x, y] of pose) {
      expect(x!).toBeGreaterThan(choice.region.x);
      expect(x!).toBeLessThan(choice.region.x + choice.region.width);
      expect(y!).toBeGreaterThan(choice.region.y);
      expect(y!).toBeLessThan(choice.region.y + choice.region.height);
    }
  });

  it('falls back to the scouted box when the keypoints drift onto someone else or are lost', () => {
    const elsewhere = box(900, 300, 150, 330);
    expect(chooseCropRegion(pose, elsewhere)).toEqual({ region: squareAround(elsewhere, CROP_SCALE), from: 'scouted' });
    const lost = pose.map(([x, y]): Keypoint => [x, y, 0.05]);
    expect(chooseCropRegion(lost, poseBox)!.from).toBe('scouted');
    expect(chooseCropRegion(null, poseBox)!.from).toBe('scouted');
    // Same place but a much smaller body (a child or a reflection passing): not the scouted person.
    const tiny = box(poseBox.x, poseBox.y, poseBox.width / 3, poseBox.height / 3);
    expect(chooseCropRegion(pose, { ...tiny, x: tiny.x, y: tiny.y })!.from).toBe('scouted');
  });

  it('with no scouting information, keypoints alone decide; with nothing at all, no region', () => {
    expect(chooseCropRegion(pose, null)!.from).toBe('keypoints');
    expect(chooseCropRegion(null, null)).toBeNull();
  });
});

describe('crop and back-mapping maths', () => {
  const region: Box = { x: 300, y: -40, width: 480, height: 480 };

  it('keypoints in crop pixels map back to frame pixels and round-trip', () => {
    const inCrop: Keypoint[] = [[0, 0, 0.9], [192, 192, 0.8], [96, 48, 0.7], [null, null, 0]];
    expect(cropToFrame(inCrop, region, 192)).toEqual([[300, -40, 0.9], [780, 440, 0.8], [540, 80, 0.7], [null, null, 0]]);
    const back = frameToCrop(cropToFrame(inCrop, region, 192), region, 192);
    back.forEach((k, i) => k.forEach((v, c) => expect(v).toBeCloseTo(inCrop[i][c] as number, 9)));
  });

  it('boxes: padding around confident keypoints only, IoU, squares', () => {
    const kps: Keypoint[] = [[100, 100, 0.9], [200, 400, 0.9], [150, 250, 0.9], [900, 900, 0.1]];
    const b = boxFromKeypoints(kps)!;
    expect(b.x).toBeLessThan(100);
    expect(b.x + b.width).toBeGreaterThan(200);
    expect(b.y).toBeLessThan(100);
    expect(b.y + b.height).toBeGreaterThan(400);
    expect(b.y + b.height).toBeLessThan(450); // the unconfident point at 900 is ignored
    expect(boxFromKeypoints(kps.slice(0, 2))).toBeNull();
    expect(iou({ x: 0, y: 0, width: 10, height: 10 }, { x: 5, y: 0, width: 10, height: 10 })).toBeCloseTo(1 / 3, 9);
    expect(iou({ x: 0, y: 0, width: 10, height: 10 }, { x: 20, y: 0, width: 10, height: 10 })).toBe(0);
    expect(squareAround({ x: 0, y: 0, width: 100, height: 200 }, 1.5)).toEqual({ x: -100, y: -50, width: 300, height: 300 });
  });

  it('cropRgb puts a frame point where cropToFrame says, and fills outside the frame black', () => {
    const width = 640;
    const height = 360;
    const data = new Uint8Array(width * height * 3).fill(90);
    // A bright 4x4 square centred on (402, 122).
    for (let y = 120; y < 124; y++) for (let x = 400; x < 404; x++) data.set([250, 250, 250], (y * width + x) * 3);
    const crop = cropRgb({ data, width, height, channels: 3 }, region, 192);
    expect(crop.width).toBe(192);
    expect(crop.data).toHaveLength(192 * 192 * 3);
    let best = 0;
    let at: [number, number] = [0, 0];
    for (let y = 0; y < 192; y++) {
      for (let x = 0; x < 192; x++) {
        const v = crop.data[(y * 192 + x) * 3];
        if (v > best) [best, at] = [v, [x + 0.5, y + 0.5]];
      }
    }
    const [[fx, fy]] = cropToFrame([[at[0], at[1], 1]], region, 192);
    expect(Math.abs(fx! - 402)).toBeLessThanOrEqual(2.5); // one crop pixel is 2.5 frame pixels
    expect(Math.abs(fy! - 122)).toBeLessThanOrEqual(2.5);
    // Rows above the frame (region starts at y = -40: 16 crop rows) are black; the rest is not.
    expect(crop.data.subarray(0, 15 * 192 * 3).every((v) => v === 0)).toBe(true);
    expect(crop.data[(17 * 192 + 10) * 3]).toBe(90);
    // RGBA input gives the same crop as RGB.
    const rgba = new Uint8Array(width * height * 4);
    for (let i = 0; i < width * height; i++) rgba.set([...data.subarray(i * 3, i * 3 + 3), 255], i * 4);
    expect(cropRgb({ data: rgba, width, height, channels: 4 }, region, 192).data).toEqual(crop.data);
  });
});
