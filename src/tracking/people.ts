/**
 * From MultiPose detections on scouting frames to people: gather each tracker id's samples, join
 * ids that are one person (the bounding-box tracker hands out a new id after a miss or an
 * occlusion), join duplicate detections of one body, and score how much each person walks.
 * Pure: no DOM, no tfjs, no Node.
 */
import type { Keypoint } from '../core/format/poseTrack';
import type { Box, PersonCandidate, PersonSample } from '../contracts';
import { boxCentre, boxFromKeypoints, iou } from './geometry';
import { walkingMotion, type WalkingMotion } from './walking';

/** One MultiPose detection (src/pose/detector.ts's DetectedPose, without depending on tfjs). */
export interface ScoutPose {
  keypoints: Keypoint[];
  score: number;
  id?: number;
}

export interface ScoutFrame {
  t: number;
  poses: ScoutPose[];
}

/** MultiPose's empty slots score far below real people; pose-detection's own default cut is 0.25. */
export const MIN_PERSON_SCORE = 0.25;
/** A "person" seen on fewer scouting frames (0.5 s at 4 Hz) is a flicker, not someone to analyse. */
const MIN_SAMPLES = 2;
/** Ids are joined across a gap of at most this long (a walker passing behind something). */
const MAX_JOIN_GAP_S = 1.5;
/**
 * How far (in body heights) a person's box centre may move between a lost id and a new one: a
 * walker covers about 0.8 body heights per second (1.4 m/s for 1.7 m), plus detection jitter.
 */
const JOIN_DISTANCE_BASE = 0.4;
const JOIN_DISTANCE_PER_S = 1.0;
/** Two ids whose boxes overlap this much on most shared frames are one body detected twice. */
const DUPLICATE_IOU = 0.5;
const DUPLICATE_SHARE = 0.7;

interface Track {
  id: number;
  samples: PersonSample[];
}

/**
 * People in the scouting frames, best walker first (see pickWalker for the order).
 * @param scoutedSpanS the time the scouting covered (for "in view x % of the clip"); default: from the frames.
 */
export function gatherPeople(frames: readonly ScoutFrame[], scoutedSpanS?: number): PersonCandidate[] {
  const span = scoutedSpanS ?? (frames.length > 1 ? frames[frames.length - 1].t - frames[0].t : 0);
  let tracks = tracksById(frames);
  tracks = joinIdSwitches(tracks);
  tracks = joinDuplicates(tracks);
  const people = tracks
    .filter((track) => track.samples.length >= MIN_SAMPLES)
    .map((track) => toCandidate(track, span));
  return rankPeople(people);
}

/** The person to analyse by default: the best walker, or null when nobody was found. */
export function pickWalker(people: readonly PersonCandidate[]): PersonCandidate | null {
  return rankPeople(people)[0] ?? null;
}

/**
 * Highest walkingScore first. Scores within 0.05 of each other count as a tie, broken by the
 * larger body (the nearer person, not a reflection or someone in the background), then the
 * longer time in view, then the lower id (stable across runs).
 */
export function rankPeople(people: readonly PersonCandidate[]): PersonCandidate[] {
  const size = (p: PersonCandidate) => median(p.samples.map((s) => s.box.height));
  const inView = (p: PersonCandidate) => p.samples[p.samples.length - 1].t - p.samples[0].t;
  return [...people].sort((a, b) => {
    if (Math.abs(a.walkingScore - b.walkingScore) > 0.05) return b.walkingScore - a.walkingScore;
    const bySize = size(b) - size(a);
    if (Math.abs(bySize) > 0.1 * Math.max(size(a), size(b))) return bySize;
    const byTime = inView(b) - inView(a);
    if (Math.abs(byTime) > 0.25) return byTime;
    return a.id - b.id;
  });
}

function tracksById(frames: readonly ScoutFrame[]): Track[] {
  const byId = new Map<number, Track>();
  let anonymousId = -1;
  for (const frame of [...frames].sort((a, b) => a.t - b.t)) {
    for (const pose of frame.poses) {
      if (pose.score < MIN_PERSON_SCORE) continue;
      const box = boxFromKeypoints(pose.keypoints);
      if (!box) continue;
      // Without a tracker id every detection is its own track; joinIdSwitches links them up.
      const id = pose.id ?? anonymousId--;
      let track = byId.get(id);
      if (!track) byId.set(id, (track = { id, samples: [] }));
      const keypoints = pose.keypoints.map(([x, y, s]): Keypoint => [x, y, s]);
      track.samples.push({ t: frame.t, box, keypoints, score: pose.score });
    }
  }
  return [...byId.values()];
}

/**
 * Joins a track that ends to one that starts later near where it ended. Tracks are taken in
 * order of their start; each later track joins the earlier one that ended closest to it (in
 * body heights), if near enough for the gap. Tracks that overlap in time are different people.
 */
function joinIdSwitches(tracks: Track[]): Track[] {
  const ordered = [...tracks].sort((a, b) => a.samples[0].t - b.samples[0].t || a.id - b.id);
  const joined: Track[] = [];
  for (const track of ordered) {
    const first = track.samples[0];
    let best: Track | null = null;
    let bestDistance = Infinity;
    for (const earlier of joined) {
      const last = earlier.samples[earlier.samples.length - 1];
      const gap = first.t - last.t;
      if (gap <= 0 || gap > MAX_JOIN_GAP_S) continue;
      const heightRatio = first.box.height / last.box.height;
      if (heightRatio < 0.6 || heightRatio > 1 / 0.6) continue;
      const [ax, ay] = boxCentre(last.box);
      const [bx, by] = boxCentre(first.box);
      const distance = Math.hypot(bx - ax, by - ay) / last.box.height;
      if (distance <= JOIN_DISTANCE_BASE + JOIN_DISTANCE_PER_S * gap && distance < bestDistance) {
        best = earlier;
        bestDistance = distance;
      }
    }
    if (best) best.samples.push(...track.samples);
    else joined.push({ id: track.id, samples: [...track.samples] });
  }
  return joined;
}

/** Joins tracks that are the same body detected twice at once (boxes overlapping on most shared frames). */
function joinDuplicates(tracks: Track[]): Track[] {
  const result = [...tracks].sort((a, b) => b.samples.length - a.samples.length || a.id - b.id);
  for (let i = 0; i < result.length; i++) {
    for (let j = result.length - 1; j > i; j--) {
      if (!isDuplicate(result[i], result[j])) continue;
      const byTime = new Map<number, PersonSample>();
      for (const sample of [...result[i].samples, ...result[j].samples]) {
        const kept = byTime.get(sample.t);
        if (!kept || sample.score > kept.score) byTime.set(sample.t, sample);
      }
      result[i] = { id: Math.min(result[i].id, result[j].id), samples: [...byTime.values()] };
      result.splice(j, 1);
    }
  }
  for (const track of result) track.samples.sort((a, b) => a.t - b.t);
  return result;
}

function isDuplicate(a: Track, b: Track): boolean {
  const boxesAt = new Map(a.samples.map((s) => [s.t, s.box] as const));
  let shared = 0;
  let overlapping = 0;
  for (const sample of b.samples) {
    const other = boxesAt.get(sample.t);
    if (!other) continue;
    shared++;
    if (iou(other, sample.box) >= DUPLICATE_IOU) overlapping++;
  }
  return shared >= 2 && overlapping >= DUPLICATE_SHARE * shared;
}

function toCandidate(track: Track, scoutedSpanS: number): PersonCandidate {
  const samples = [...track.samples].sort((a, b) => a.t - b.t);
  const motion = walkingMotion(samples, scoutedSpanS);
  const preview = samples.reduce((best, s) => (s.score > best.score ? s : best), samples[Math.floor(samples.length / 2)]);
  return {
    id: track.id,
    samples,
    walkingScore: round(motion.score, 3),
    preview: { t: preview.t, box: roundBox(preview.box) },
    description: describe(motion, samples),
  };
}

/** Plain words for a chooser: what the person does, where, and for how long. */
function describe(motion: WalkingMotion, samples: readonly PersonSample[]): string {
  const inView = samples[samples.length - 1].t - samples[0].t;
  const [cx] = boxCentre(samples[Math.floor(samples.length / 2)].box);
  let what: string;
  switch (motion.activity) {
    case 'walks-across':
      what = `walks ${motion.travelHeights > 0 ? 'left to right' : 'right to left'}`;
      break;
    case 'walks-in-place':
      what = 'walks in place (treadmill)';
      break;
    case 'jumps':
      what = 'moves up and down in place (jumping or exercising), not walking';
      break;
    case 'still':
      what = 'stands or sits still';
      break;
    default:
      what = 'moves about without walking';
  }
  return `${what}, in view ${inView.toFixed(1)} s, around x = ${Math.round(cx)} px`;
}

function roundBox(box: Box): Box {
  return { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) };
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
