/**
 * The truth file of a fixture walk (fixtures/walks/<name>.truth.json): what a test of the video
 * pipeline needs to score a run on the video, small enough to keep in the repository (seconds
 * and degrees rounded), plus the synth options that regenerate it exactly.
 * Pure (no Node imports): used by scripts/render-fixtures.ts and test/fixtures.test.ts.
 */
import type { AngleSeries, Direction, Setting, Side, Walking } from '../src/core/format/report';
import type { ComposedWalk, SynthOptions, WalkTruth } from '../src/synth';

export const FIXTURE_WIDTH = 960;
export const FIXTURE_HEIGHT = 480;
export const FIXTURE_FPS = 30;

/** What every fixture's truth file starts with. */
export interface FixtureClip {
  fixture: string;
  /** Path of the video relative to fixtures/. */
  video: string;
  fps: number;
  width: number;
  height: number;
  frameCount: number;
}

export interface FixtureTruth extends FixtureClip {
  /** Direction of travel in the image. */
  direction: Direction;
  walking: Walking;
  setting: Setting;
  /** The pathology knobs that are on (empty object for a healthy walk). */
  pathology: Record<string, unknown>;
  /** Steps per minute. */
  cadence: number;
  bodyHeightPx: number;
  floorY: number;
  /** Seconds, 4 decimals. */
  events: Record<Side, { heelStrikes: number[]; toeOffs: number[] }>;
  /** Per frame, degrees (2 decimals), null where undefined; `t` in seconds. */
  angles: {
    t: number[];
    left: { hipFlexion: AngleSeries; kneeFlexion: AngleSeries; hipFlexionTrunk: AngleSeries };
    right: { hipFlexion: AngleSeries; kneeFlexion: AngleSeries; hipFlexionTrunk: AngleSeries };
    trunkLean: AngleSeries;
  };
  /**
   * Walks with feet only (synth.feet): the track carries heel and foot index keypoints; foot truth
   * from the walker's rigid foot (see WalkTruth.feet): seconds 4 decimals, degrees 2.
   */
  feet?: {
    pattern: 'heel' | 'flat' | 'forefoot';
    keypointFootOffsetDeg: number;
    contacts: Record<Side, { initialContacts: number[]; finalContacts: number[] }>;
    strikes: Record<Side, Array<{ t: number; footAngleDeg: number; firstContact: 'heel' | 'forefoot' }>>;
    /** Per frame, degrees, dorsiflexion +, null in turns. */
    ankle: Record<Side, AngleSeries>;
  };
  /** synthesizeWalk(synth) regenerates this truth (the fixture test checks it). */
  synth: SynthOptions;
}

const round = (v: number, decimals: number): number => {
  const f = 10 ** decimals;
  return Math.round(v * f) / f || 0; // no -0: JSON writes it as 0
};
const roundSeries = (series: AngleSeries): AngleSeries => series.map((v) => (v === null || !Number.isFinite(v) ? null : round(v, 2)));

export function fixtureTruth(name: string, video: string, synth: SynthOptions, truth: WalkTruth): FixtureTruth {
  const sideAngles = (side: Side) => ({
    hipFlexion: roundSeries(truth.angles[side].hipFlexion),
    kneeFlexion: roundSeries(truth.angles[side].kneeFlexion),
    hipFlexionTrunk: roundSeries(truth.angles[side].hipFlexionTrunk),
  });
  const sideEvents = (side: Side) => ({
    heelStrikes: truth.events[side].heelStrikes.map((t) => round(t, 4)),
    toeOffs: truth.events[side].toeOffs.map((t) => round(t, 4)),
  });
  const pathology = Object.fromEntries(
    Object.entries(truth.pathology).filter(([key, value]) => key !== 'side' && value !== 0 && value !== false && value !== null),
  );
  if (Object.keys(pathology).length > 0) pathology.side = truth.pathology.side;
  const feet = synth.feet ? footTruth(truth) : undefined;
  return {
    fixture: name,
    video,
    fps: synth.fps ?? 30,
    width: truth.width,
    height: truth.height,
    frameCount: truth.clean.frames.length,
    direction: truth.direction,
    walking: truth.walking,
    setting: truth.setting,
    pathology,
    cadence: truth.cadence,
    bodyHeightPx: round(truth.bodyHeightPx, 2),
    floorY: round(truth.floorY, 2),
    events: { left: sideEvents('left'), right: sideEvents('right') },
    angles: {
      t: truth.clean.frames.map((f) => round(f.t, 4)),
      left: sideAngles('left'),
      right: sideAngles('right'),
      trunkLean: roundSeries(truth.angles.trunkLean),
    },
    ...(feet ? { feet } : {}),
    synth,
  };
}

function footTruth(truth: WalkTruth): NonNullable<FixtureTruth['feet']> {
  const f = truth.feet;
  const side = (s: Side) => ({
    contacts: {
      initialContacts: f.contacts[s].initialContacts.map((t) => round(t, 4)),
      finalContacts: f.contacts[s].finalContacts.map((t) => round(t, 4)),
    },
    strikes: f.strikes[s].map((x) => ({ t: round(x.t, 4), footAngleDeg: round(x.footAngleDeg, 2), firstContact: x.firstContact })),
    ankle: roundSeries(f.ankle[s]),
  });
  const left = side('left');
  const right = side('right');
  return {
    pattern: f.pattern,
    keypointFootOffsetDeg: round(f.keypointFootOffsetDeg, 2),
    contacts: { left: left.contacts, right: right.contacts },
    strikes: { left: left.strikes, right: right.strikes },
    ankle: { left: left.ankle, right: right.ankle },
  };
}

/** The truth file of a recording made of several walks (fixtures/recordings/<name>.truth.json). */
export interface RecordingTruth extends FixtureClip {
  stopS: number;
  /** Each walk's synth options (composeWalks(parts, stopS) regenerates the recording) and its start. */
  parts: { synth: SynthOptions; offset: number; walking: Walking; direction: Direction }[];
  /** Stops, [start, end] seconds: no events there. */
  stops: [number, number][];
  /** Seconds, 4 decimals, all parts together. */
  events: Record<Side, { heelStrikes: number[]; toeOffs: number[] }>;
}

export function recordingTruth(name: string, video: string, parts: SynthOptions[], stopS: number, composed: ComposedWalk): RecordingTruth {
  const r4 = (v: number) => round(v, 4);
  const list = (xs: number[]) => [...xs].sort((a, b) => a - b).map(r4);
  return {
    fixture: name,
    video,
    fps: composed.track.fps,
    width: composed.track.width,
    height: composed.track.height,
    frameCount: composed.track.frames.length,
    stopS,
    parts: composed.parts.map((p, i) => ({ synth: parts[i], offset: r4(p.offset), walking: p.walk.truth.walking, direction: p.walk.truth.direction })),
    stops: composed.stops.map(([a, b]) => [r4(a), r4(b)]),
    events: {
      left: { heelStrikes: list(composed.events.left.heelStrikes), toeOffs: list(composed.events.left.toeOffs) },
      right: { heelStrikes: list(composed.events.right.heelStrikes), toeOffs: list(composed.events.right.toeOffs) },
    },
  };
}
