/**
 * The JSON Schemas in docs/schema are written by hand from the TypeScript types. These tests keep
 * them from drifting apart: every interface in the format modules must have a schema definition
 * with exactly its property names (and its optional fields optional), every string union the same
 * values, and complete documents built with the TypeScript types must validate against the schema
 * (checked with the small 2020-12 subset validator below; no schema library is installed).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEYPOINT_NAMES, type GaitPoseTrack, type Keypoint } from '../src/core/format/poseTrack';
import {
  ANGLE_NAMES,
  JOINT_ANGLE_NAMES,
  FLAG_IDS,
  PHASE_NAMES,
  type CycleKeyValues,
  type GaitCycle,
  type GaitReport,
  type MeanCurve,
  type PhaseAngles,
  type PhaseName,
  type SideResult,
} from '../src/core/format/report';
import { SOURCE_KINDS, parsePoseTrack } from '../src/core/format/validatePoseTrack';
import { analyzeTrack } from '../src/core/analyze';
import { synthesizeWalk } from '../src/synth';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type SchemaObject = { [key: string]: any };

const read = (relative: string): string => readFileSync(new URL(relative, import.meta.url), 'utf8');
const poseSchemaText = read('../docs/schema/gait-pose-track-v1.schema.json');
const reportSchemaText = read('../docs/schema/gait-report-v1.schema.json');
const poseSchema = JSON.parse(poseSchemaText) as SchemaObject;
const poseV2Schema = JSON.parse(read('../docs/schema/gait-pose-track-v2.schema.json')) as SchemaObject;
const reportSchema = JSON.parse(reportSchemaText) as SchemaObject;

// ---------------------------------------------------------------------------------------------
// Reading the TypeScript sources

interface InterfaceFields {
  fields: string[];
  required: string[];
  indexSignature: boolean;
}

/** Top-level fields of every `export interface X {` in a TypeScript source (2-space indent). */
function interfacesOf(source: string): Map<string, InterfaceFields> {
  const result = new Map<string, InterfaceFields>();
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const header = /^export interface (\w+)(?: extends [\w, ]+)? \{\s*$/.exec(lines[i]);
    if (!header) continue;
    const entry: InterfaceFields = { fields: [], required: [], indexSignature: false };
    for (i++; i < lines.length && lines[i] !== '}'; i++) {
      const field = /^ {2}(\w+)(\?)?:/.exec(lines[i]);
      if (field) {
        entry.fields.push(field[1]);
        if (!field[2]) entry.required.push(field[1]);
      } else if (/^ {2}\[\w+: string\]:/.test(lines[i])) {
        entry.indexSignature = true;
      }
    }
    result.set(header[1], entry);
  }
  return result;
}

/** Every `export type X = 'a' | 'b' ...;` made only of string literals. */
function stringUnionsOf(source: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const match of source.matchAll(/^export type (\w+) =([^;]+);/gm)) {
    const body = match[2];
    const literals = [...body.matchAll(/'([^']*)'/g)].map((m) => m[1]);
    if (literals.length > 0 && body.replace(/'[^']*'/g, '').replace(/[\s|]/g, '') === '') {
      result.set(match[1], literals);
    }
  }
  return result;
}

const reportSource = read('../src/core/format/report.ts');
const poseSource = read('../src/core/format/poseTrack.ts');

const sorted = (values: Iterable<string>): string[] => [...values].sort();

// ---------------------------------------------------------------------------------------------
// A validator for the subset of JSON Schema 2020-12 the two schemas use. It refuses keywords it
// does not implement, so the schemas cannot silently rely on something it would skip.

const SUPPORTED = new Set([
  '$schema', '$id', '$defs', '$ref', 'title', 'description',
  'type', 'properties', 'required', 'additionalProperties', 'items', 'prefixItems', 'minItems', 'maxItems',
  'enum', 'const', 'minimum', 'maximum', 'exclusiveMinimum', 'anyOf', 'oneOf',
  'allOf', 'contains', 'uniqueItems', 'minLength',
]);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'null': return value === null;
    case 'boolean': return typeof value === 'boolean';
    case 'string': return typeof value === 'string';
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    case 'integer': return typeof value === 'number' && Number.isInteger(value);
    case 'array': return Array.isArray(value);
    case 'object': return isObject(value);
    default: throw new Error(`unsupported type ${type}`);
  }
}

function validate(root: SchemaObject, schema: SchemaObject | boolean, value: unknown, path = '$'): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${path}: not allowed`];
  for (const key of Object.keys(schema)) if (!SUPPORTED.has(key)) throw new Error(`unsupported keyword ${key} at ${path}`);
  const errors: string[] = [];
  if (schema.$ref !== undefined) {
    const match = /^#\/\$defs\/(\w+)$/.exec(schema.$ref);
    if (!match || !root.$defs?.[match[1]]) throw new Error(`unresolvable $ref ${schema.$ref}`);
    errors.push(...validate(root, root.$defs[match[1]], value, path));
  }
  if (schema.type !== undefined) {
    const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((type) => typeMatches(type, value))) {
      return [...errors, `${path}: expected ${types.join(' or ')}, found ${JSON.stringify(value)}`];
    }
  }
  if (schema.const !== undefined && JSON.stringify(value) !== JSON.stringify(schema.const)) {
    errors.push(`${path}: expected ${JSON.stringify(schema.const)}`);
  }
  if (schema.enum !== undefined && !schema.enum.some((option: unknown) => JSON.stringify(option) === JSON.stringify(value))) {
    errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) errors.push(`${path}: below ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) errors.push(`${path}: above ${schema.maximum}`);
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) {
      errors.push(`${path}: not above ${schema.exclusiveMinimum}`);
    }
  }
  if (isObject(value)) {
    for (const key of schema.required ?? []) if (!(key in value)) errors.push(`${path}: missing ${key}`);
    for (const [key, child] of Object.entries(value)) {
      if (schema.properties && key in schema.properties) {
        errors.push(...validate(root, schema.properties[key], child, `${path}.${key}`));
      } else if (schema.additionalProperties !== undefined) {
        errors.push(...validate(root, schema.additionalProperties, child, `${path}.${key}`));
      }
    }
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) errors.push(`${path}: fewer than ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) errors.push(`${path}: more than ${schema.maxItems} items`);
    const prefix: SchemaObject[] = schema.prefixItems ?? [];
    value.forEach((item, i) => {
      if (i < prefix.length) errors.push(...validate(root, prefix[i], item, `${path}[${i}]`));
      else if (schema.items !== undefined) errors.push(...validate(root, schema.items, item, `${path}[${i}]`));
    });
  }
  if (schema.allOf) for (const option of schema.allOf as SchemaObject[]) errors.push(...validate(root, option, value, path));
  if (Array.isArray(value) && schema.contains && !value.some((item) => validate(root, schema.contains, item, path).length === 0)) {
    errors.push(`${path}: contains no item matching ${JSON.stringify(schema.contains)}`);
  }
  if (Array.isArray(value) && schema.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) {
    errors.push(`${path}: items are not unique`);
  }
  if (typeof value === 'string' && schema.minLength !== undefined && value.length < schema.minLength) errors.push(`${path}: shorter than ${schema.minLength}`);
  if (schema.anyOf && !schema.anyOf.some((option: SchemaObject) => validate(root, option, value, path).length === 0)) {
    errors.push(`${path}: matches none of anyOf`);
  }
  if (schema.oneOf) {
    const matching = schema.oneOf.filter((option: SchemaObject) => validate(root, option, value, path).length === 0).length;
    if (matching !== 1) errors.push(`${path}: matches ${matching} of oneOf, expected exactly 1`);
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Documents built with the TypeScript types

function makeTrack(frames = 40, fps = 30): GaitPoseTrack {
  return {
    format: 'gait-pose-track',
    version: 1,
    fps,
    width: 640,
    height: 480,
    source: { kind: 'synthetic', name: 'schema test', backend: 'none' },
    keypointNames: [...KEYPOINT_NAMES],
    frames: Array.from({ length: frames }, (_, i) => ({
      t: i / fps,
      keypoints: KEYPOINT_NAMES.map((_, k): Keypoint => (k === 3 ? [null, null, 0] : [10 * k + i, 20 * k, 0.5])),
    })),
  };
}

const curve = (offset: number): (number | null)[] =>
  Array.from({ length: 101 }, (_, i) => (i === 100 ? null : offset + 20 * Math.cos((2 * Math.PI * i) / 100)));

function keyValues(): CycleKeyValues {
  return {
    hipAtInitialContact: 24,
    peakHipExtension: -14,
    peakHipExtensionAtPercent: 52,
    peakHipFlexion: 27,
    kneeAtInitialContact: 3,
    loadingResponseKneePeak: 17,
    kneeAtToeOff: 38,
    peakSwingKneeFlexion: 63,
    peakSwingKneeFlexionAtPercent: 72,
    terminalSwingKneeMin: 1,
    peakSwingKneeExtensionVelocity: 300,
    lateSwingKneeExtension: 22,
    minStanceKneeFlexion: 2,
    hipRange: 41,
    kneeRange: 61,
    meanTrunkLean: 3,
    stepReachLegLengths: null,
  };
}

function uncertainties(): Record<keyof CycleKeyValues, number | null> {
  return Object.fromEntries(Object.keys(keyValues()).map((k, i) => [k, i % 5 === 4 ? null : 2.5])) as Record<keyof CycleKeyValues, number | null>;
}

function phaseAngles(): Record<PhaseName, PhaseAngles> {
  const angles = (): PhaseAngles =>
    Object.fromEntries(
      ANGLE_NAMES.map((name, i) => [name, i === 1 ? null : { min: -10, max: 20, mean: 5, range: 30 }]),
    ) as PhaseAngles;
  return { stance: angles(), preSwing: angles(), swing: angles(), terminalSwing: angles() };
}

function sideResult(side: 'left' | 'right', start: number): SideResult {
  const cycle: GaitCycle = {
    side,
    pass: 0,
    start,
    end: start + 1.1,
    oppositeHeelStrike: start + 0.55,
    toeOff: start + 0.67,
    shankVertical: start + 0.92,
    phases: {
      stance: [start, start + 0.55],
      preSwing: [start + 0.55, start + 0.67],
      swing: [start + 0.67, start + 0.92],
      terminalSwing: [start + 0.92, start + 1.1],
    },
    phaseAngles: phaseAngles(),
    keyValues: keyValues(),
    stancePercent: 61,
    normalized: { hipFlexion: curve(5), hipFlexionTrunk: curve(8), kneeFlexion: curve(30), trunkLean: curve(3) },
  };
  const mean = (offset: number): MeanCurve => ({ mean: curve(offset), sd: curve(4), n: 1 });
  return {
    heelStrikes: [start, start + 1.1],
    toeOffs: [start + 0.67],
    cycles: [cycle],
    normalized: { hipFlexion: mean(5), hipFlexionTrunk: mean(8), kneeFlexion: mean(30), trunkLean: mean(3) },
    phaseAngles: phaseAngles(),
    keyValues: keyValues(),
    keyValueUncertainty: uncertainties(),
    phaseBoundariesPercent: { oppositeHeelStrike: 50, toeOff: 61, shankVertical: 84 },
  };
}

function makeReport(): GaitReport {
  const series = [10, null, 12];
  return {
    format: 'gait-report',
    version: 1,
    generator: 'schema test',
    fps: 30,
    width: 640,
    height: 480,
    source: { kind: 'video', name: 'walk.mp4' },
    direction: 'right-to-left',
    walking: 'forward',
    setting: 'treadmill',
    passes: [{ index: 0, start: 0, end: 3, direction: 'right-to-left', walking: 'forward' }],
    quality: {
      frames: 3,
      detectedFraction: 0.9,
      meanKeypointScore: 0.7,
      sideView: { ok: true, score: 0.95, message: 'Side view' },
      usableCycles: { left: 1, right: 1 },
      legSwapsRepaired: 2,
      gapsFilled: 4,
      gapsLeft: 0,
      lowConfidenceDropped: 6,
      trunkVisible: true,
      filter: { type: 'butterworth-zero-lag', order: 4, cutoffHz: 6, angleCutoffHz: 4, sampleRateHz: 30, variableFrameRate: false },
      passes: 1,
      eventDetector: { id: 'zeni-ankle', reference: 'Zeni et al. 2008' },
      warnings: ['a warning'],
    },
    frames: {
      t: [0, 1 / 30, 2 / 30],
      angles: {
        left: { hipFlexion: series, hipFlexionTrunk: series, kneeFlexion: series },
        right: { hipFlexion: series, hipFlexionTrunk: series, kneeFlexion: series },
      },
      trunkLean: series,
      phase: { left: ['stance', 'preSwing', null], right: [null, 'swing', 'terminalSwing'] },
    },
    sides: { left: sideResult('left', 0.2), right: sideResult('right', 0.75) },
    summary: {
      cadence: 109,
      strideTime: { mean: 1.1, sd: 0.02, cv: 1.8, n: 2 },
      stepTime: { left: { mean: 0.55, sd: 0.01, cv: 1.8, n: 1 }, right: null },
      stancePercent: { left: 61, right: null },
      swingPercent: { left: 39, right: null },
      doubleSupportPercent: 22,
      symmetry: { stepTime: 2, stanceTime: null, hipRange: 4, peakSwingKneeFlexion: 1 },
      strideTimeCv: 1.8,
      strideLength: { meters: 1.3, method: 'treadmill-speed' },
      speedMps: 1.2,
      backwardPercent: 0,
      keyValues: { left: keyValues(), right: keyValues() },
      keyValueUncertainty: { left: uncertainties(), right: uncertainties() },
      uncertainty: {
        cadence: 1.2,
        strideTime: 0.01,
        stepTime: { left: 0.01, right: null },
        stancePercent: { left: 2.6, right: null },
        swingPercent: { left: 2.6, right: null },
        doubleSupportPercent: 3.7,
        symmetry: { stepTime: 2.5, stanceTime: null, hipRange: 5, peakSwingKneeFlexion: 4 },
        poseModel: { id: 'movenet-lightning', source: 'fixture walks' },
      },
    },
    borderline: [
      { id: 'flicking-swing', side: 'left', title: 'Flicking swing', measure: 'late-swing knee extension', value: 39, uncertainty: 3, limit: 38, message: 'Not flagged: more steps would settle it.' },
    ],
    byWalking: {
      forward: {
        walking: 'forward', status: 'analysed', message: null, passes: [0], seconds: 3, percentOfWalking: 100, usableCycles: { left: 1, right: 1 },
        sides: { left: sideResult('left', 0.2), right: sideResult('right', 0.75) }, summary: null, flags: [], borderline: [],
      },
      backward: {
        walking: 'backward', status: 'not-enough-steps', message: 'Not enough steps of backward walking.', passes: [], seconds: 0, percentOfWalking: 0,
        usableCycles: { left: 0, right: 0 }, sides: null, summary: null, flags: [], borderline: [],
      },
    },
    flags: [
      {
        id: 'limited-push-off',
        side: 'both',
        severity: 'mild',
        title: 'Limited push-off',
        evidence: [
          { measure: 'peak hip extension', value: -4, unit: 'deg', reference: { low: -20, high: -10, source: 'Perry' } },
        ],
        message: 'm',
        why: 'w',
        cues: ['c'],
        exercises: ['e'],
        seeProfessional: 's',
        estimate: false,
      },
    ],
    options: { treadmillSpeedMps: 1.2, setting: 'treadmill' },
  };
}

/** The JSON round trip a document goes through when written to a file. */
const asJson = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json;

// ---------------------------------------------------------------------------------------------

describe('schema files', () => {
  it.each([
    ['gait-pose-track', poseSchema],
    ['gait-report', reportSchema],
  ])('%s schema is JSON Schema 2020-12 for format version 1', (format, schema) => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties.format).toEqual({ const: format });
    expect(schema.properties.version.const).toBe(1);
    expect(schema.type).toBe('object');
  });

  it('every $ref points at an existing definition', () => {
    for (const [text, schema] of [
      [poseSchemaText, poseSchema],
      [reportSchemaText, reportSchema],
    ] as const) {
      const refs = [...text.matchAll(/"\$ref": "#\/\$defs\/(\w+)"/g)].map((m) => m[1]);
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) expect(Object.keys(schema.$defs)).toContain(ref);
    }
  });
});

describe('report schema matches src/core/format/report.ts', () => {
  const interfaces = interfacesOf(reportSource);

  it('finds the interfaces (the parser works)', () => {
    expect(interfaces.get('GaitReport')?.fields).toContain('summary');
    expect(interfaces.size).toBeGreaterThanOrEqual(14);
  });

  it('GaitReport: every top-level field is in the schema, required unless optional, and nothing else', () => {
    const gaitReport = interfaces.get('GaitReport')!;
    expect(sorted(Object.keys(reportSchema.properties))).toEqual(sorted(gaitReport.fields));
    expect(sorted(reportSchema.required)).toEqual(sorted(gaitReport.required));
  });

  it.each([...interfacesOf(reportSource).keys()].filter((name) => name !== 'GaitReport'))(
    'interface %s has a $defs entry with exactly its fields',
    (name) => {
      const fields = interfaces.get(name)!;
      const definition = reportSchema.$defs[name];
      expect(definition, `$defs.${name} is missing`).toBeDefined();
      expect(sorted(Object.keys(definition.properties))).toEqual(sorted(fields.fields));
      expect(sorted(definition.required ?? [])).toEqual(sorted(fields.required));
    },
  );

  it.each([...stringUnionsOf(reportSource).entries()])('string union %s has the same values', (name, values) => {
    expect(reportSchema.$defs[name]?.enum, `$defs.${name}.enum`).toEqual(values);
  });

  it('the flag ids are the ones declared in FLAG_IDS', () => {
    expect(reportSchema.$defs.FlagId?.enum ?? reportSchema.$defs.Flag.properties.id.enum).toEqual([...FLAG_IDS]);
  });

  it('per-angle and per-phase records list every angle and phase; the ankle is there but never required', () => {
    expect(sorted(Object.keys(reportSchema.$defs.PhaseAngles.properties))).toEqual(sorted(JOINT_ANGLE_NAMES));
    expect(sorted(reportSchema.$defs.PhaseAngles.required)).toEqual(sorted(ANGLE_NAMES));
    expect(sorted(Object.keys(reportSchema.$defs.PhaseAnglesByPhase.properties))).toEqual(sorted(PHASE_NAMES));
    for (const normalized of [reportSchema.$defs.GaitCycle.properties.normalized, reportSchema.$defs.SideResult.properties.normalized]) {
      expect(sorted(Object.keys(normalized.properties))).toEqual(sorted([...JOINT_ANGLE_NAMES, 'trunkLean']));
      expect(sorted(normalized.required)).toEqual(sorted([...ANGLE_NAMES, 'trunkLean']));
    }
  });
});

describe('pose track schema matches src/core/format/poseTrack.ts', () => {
  const interfaces = interfacesOf(poseSource);

  it('GaitPoseTrack: every field is in the schema, required unless optional', () => {
    const track = interfaces.get('GaitPoseTrack')!;
    expect(sorted(Object.keys(poseSchema.properties))).toEqual(sorted(track.fields));
    expect(sorted(poseSchema.required)).toEqual(sorted(track.required));
  });

  it.each(['PoseFrame', 'PoseTrackSource'])('interface %s has a $defs entry with exactly its fields', (name) => {
    const fields = interfaces.get(name)!;
    const definition = poseSchema.$defs[name];
    expect(sorted(Object.keys(definition.properties))).toEqual(sorted(fields.fields));
    expect(sorted(definition.required ?? [])).toEqual(sorted(fields.required));
    // An index signature in the type means the schema must allow extra properties.
    if (fields.indexSignature) expect(definition.additionalProperties).toBe(true);
  });

  it('lists the 17 keypoint names in order and the same source kinds as the type and the validator', () => {
    expect(poseSchema.properties.keypointNames.const).toEqual([...KEYPOINT_NAMES]);
    const kinds = /kind: ([^;]+);/.exec(poseSource)![1].match(/'([^']+)'/g)!.map((s) => s.slice(1, -1));
    expect(poseSchema.$defs.PoseTrackSource.properties.kind.enum).toEqual(kinds);
    expect([...SOURCE_KINDS]).toEqual(kinds);
  });
});

describe('the v2 pose track schema (named layouts)', () => {
  it('has the same fields and definitions as v1 and differs only in version and keypoint names', () => {
    expect(sorted(Object.keys(poseV2Schema.properties))).toEqual(sorted(Object.keys(poseSchema.properties)));
    expect(poseV2Schema.properties.version.const).toBe(2);
    expect(poseV2Schema.$defs.PoseTrackSource).toEqual(poseSchema.$defs.PoseTrackSource);
    const required = poseV2Schema.properties.keypointNames.allOf.map((c: SchemaObject) => c.contains.const);
    expect(sorted(required)).toEqual(sorted(['left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle']));
  });
  it('a BlazePose-style track validates against it and not against v1', () => {
    const names = ['left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle', 'left_heel', 'right_heel', 'left_foot_index', 'right_foot_index'];
    const doc = asJson({ ...makeTrack(), version: 2, keypointNames: names, frames: [{ t: 0, keypoints: names.map(() => [1, 2, 0.9]) }] } as never);
    expect(validate(poseV2Schema, poseV2Schema, doc)).toEqual([]);
    expect(validate(poseSchema, poseSchema, doc).length).toBeGreaterThan(0);
  });
});

describe('documents validate against the schemas', () => {
  it('a pose track built with the types is valid; broken ones are not', () => {
    const track = asJson(makeTrack());
    expect(validate(poseSchema, poseSchema, track)).toEqual([]);
    const broken = (change: (t: any) => void): string[] => {
      const copy: any = structuredClone(track);
      change(copy);
      return validate(poseSchema, poseSchema, copy);
    };
    expect(broken((t) => (t.frames[2].keypoints[4] = [null, null, 0.5]))).not.toEqual([]);
    expect(broken((t) => (t.frames[2].keypoints[4] = [1, 2, 1.5]))).not.toEqual([]);
    expect(broken((t) => (t.frames[2].keypoints[4] = [1, 2, 0.5, 9]))).not.toEqual([]);
    expect(broken((t) => t.frames[2].keypoints.pop())).not.toEqual([]);
    expect(broken((t) => delete t.fps)).toEqual(['$: missing fps']);
    expect(broken((t) => (t.format = 'gait-report'))).not.toEqual([]);
    expect(broken((t) => t.keypointNames.reverse())).not.toEqual([]);
    expect(broken((t) => (t.source.kind = 'camera'))).not.toEqual([]);
  });

  it('the pose track example in docs/formats.md is valid (and only too short to analyse)', () => {
    const docs = read('../docs/formats.md');
    const match = /<!-- example: gait-pose-track -->\s*```json\n([\s\S]*?)\n```/.exec(docs);
    expect(match).not.toBeNull();
    const example = JSON.parse(match![1]) as Json;
    expect(validate(poseSchema, poseSchema, example)).toEqual([]);
    const parsed = parsePoseTrack(match![1]);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/^the track is 0\.03 s long \(2 frames\)/);
  });

  it('a complete report built with the GaitReport type is valid', () => {
    expect(validate(reportSchema, reportSchema, asJson(makeReport()))).toEqual([]);
  });

  it('the report of a track with feet (ankle, strikes, foot offset) is valid, and a strike pattern the schema does not know is not', () => {
    const report = asJson(analyzeTrack(synthesizeWalk({ feet: true, width: 960, height: 480, fps: 30, bodyHeightPx: 264, durationS: 5, seed: 2 }).track)) as any;
    expect(report.quality.feet.footOffsetDeg).toHaveLength(1);
    expect(report.sides.left.strikes.length).toBeGreaterThan(0);
    expect(report.sides.left.cycles[0].normalized.ankleFlexion).toHaveLength(101);
    expect(validate(reportSchema, reportSchema, report)).toEqual([]);
    report.sides.left.strikes[0].pattern = 'toe';
    expect(validate(reportSchema, reportSchema, report)).not.toEqual([]);
  });

  it('broken reports are not', () => {
    const report = asJson(makeReport());
    const broken = (change: (r: any) => void): string[] => {
      const copy: any = structuredClone(report);
      change(copy);
      return validate(reportSchema, reportSchema, copy);
    };
    expect(broken((r) => delete r.quality.filter)).toEqual(['$.quality: missing filter']);
    expect(broken((r) => (r.direction = 'up'))).toHaveLength(1);
    expect(broken((r) => r.sides.left.cycles[0].normalized.kneeFlexion.pop())).toEqual([
      '$.sides.left.cycles[0].normalized.kneeFlexion: fewer than 101 items',
    ]);
    expect(broken((r) => (r.flags[0].id = 'flat-feet'))).toHaveLength(1);
    expect(broken((r) => (r.sides.right.cycles[0].phases.swing = [1]))).toHaveLength(1);
    expect(broken((r) => (r.summary.strideLength.method = 'guess'))).not.toEqual([]);
    expect(broken((r) => (r.quality.detectedFraction = 1.2))).toEqual(['$.quality.detectedFraction: above 1']);
    expect(broken((r) => (r.frames.phase.left[0] = 'midStance'))).not.toEqual([]);
    expect(broken((r) => (r.sides.left.phaseBoundariesPercent = null))).toEqual([]); // null is allowed there
  });
});
