import type { FlagId } from '../format/report';

/**
 * Plain-language guidance per flag (facts from docs/design.md, section 8: the roles of the hamstrings and
 * glutes in gait, cues while walking, exercises, when to see a professional). Not a diagnosis.
 */
export interface Guidance {
  title: string;
  why: string;
  cues: string[];
  exercises: string[];
}

const SEE_A_PROFESSIONAL =
  'This is not a diagnosis. See a physical therapist, kinesiologist or certified exercise professional if walking hurts, ' +
  'if the pattern is marked or getting worse, or if a few weeks of these exercises bring no change.';

export const GUIDANCE: Record<FlagId, Guidance> = {
  'limited-push-off': {
    title: 'Limited push-off',
    why:
      'At the end of stance the hip should extend behind you while the glutes, helped by the hamstrings, drive you forward, ' +
      'and the knee starts to bend for the swing, while the calf points the foot down and pushes the toes into the ground (where the feet are seen, the ankle is measured too). ' +
      'Little hip extension or ankle push there means less propulsion and often tight hip flexors, under-used glutes or weak calves.',
    cues: [
      'Push the ground away behind you with the trailing leg; drive through the heel and feel the back of the thigh.',
      'Start the hip extension with your glutes, not by arching the lower back.',
      'Let the heel of the back foot peel off and roll through to the toes.',
    ],
    exercises: [
      'Glute bridges or hip thrusts: 3 x 10-15, squeeze the glutes at the top.',
      'Kettlebell swings: powerful hip extension, 3 x 15 once the hinge is solid.',
      'Romanian deadlifts: 3 x 8-10, slow on the way down.',
      'Calf raises: 3 x 15, slow and through the full range, for the ankle\'s push.',
      'Hip flexor stretch (half-kneeling), 2 x 30 s each side.',
    ],
  },
  'anterior-pelvic-tilt': {
    title: 'Possible anterior pelvic tilt (estimate)',
    why:
      'A pelvis tipped forward shortens the hamstrings at the hip and takes hip extension away at push-off. ' +
      'The camera sees no pelvis landmarks, so this is estimated from a hip-extension deficit together with a forward-leaning trunk line.',
    cues: [
      'Brace the core gently, as if about to be nudged, and keep the spine neutral.',
      'Imagine the belt line level, not tipping forward.',
      'Extend the hip with the glutes rather than arching the lower back.',
    ],
    exercises: [
      'Glute bridges with a posterior pelvic tilt at the top: 3 x 12.',
      'Dead bugs or planks for core control: 3 x 30 s.',
      'Half-kneeling hip flexor stretch and hamstring stretch, 2 x 30 s each.',
      'Clam shells and band walks for the glutes.',
    ],
  },
  'forward-trunk-lean': {
    title: 'Forward lean from the waist',
    why:
      'Walking bent forward at the waist shifts work away from the hip extensors and loads the lower back. ' +
      'A slight lean is fine if it comes from the ankles with the body in one line.',
    cues: [
      'Stay tall: crown of the head up, chest open.',
      'If you lean, lean from the ankles, not from the waist.',
      'Look ahead, not at the floor.',
    ],
    exercises: [
      'Good mornings with a light load or a dowel: learn the hip hinge, 3 x 10.',
      'Glute bridges: 3 x 12.',
      'Hip flexor stretch, 2 x 30 s each side.',
    ],
  },
  'flicking-swing': {
    title: 'Aggressive "flicking" leg swing',
    why:
      'In terminal swing the hamstrings work eccentrically to slow the shank before the heel lands and to keep the knee from snapping into hyperextension. ' +
      'A whip-like swing that snaps the knee straight (or past straight) suggests that braking is missing.',
    cues: [
      'Keep the leg swing controlled and relaxed; let the knee extend smoothly, not snap.',
      'Land with a soft knee, mid-foot to slight heel contact, and roll through to the toes.',
      'Bring your attention to the back of the thighs as the leg reaches forward.',
    ],
    exercises: [
      'Romanian deadlifts, slow eccentric: 3 x 8.',
      'Nordic hamstring curls, assisted at first (advanced: progress carefully): 3 x 4-6.',
      'Lying or seated leg curls, slow lowering: 3 x 10.',
    ],
  },
  'stiff-knee-swing': {
    title: 'Stiff-knee swing',
    why:
      'In initial and mid swing the knee should bend to about 60 degrees so the foot clears the floor. ' +
      'Too little knee flexion makes people hitch the hip or swing the leg out to avoid tripping.',
    cues: [
      'Let the knee bend as the foot leaves the ground; lift the heel towards the buttock a little.',
      'Push off through the toes so the swing starts with momentum.',
    ],
    exercises: [
      'Seated and lying leg curls: 3 x 10-12.',
      'Quadriceps stretch (the rectus femoris can hold the knee straight), 2 x 30 s.',
      'Marching with high knees, 3 x 20 steps.',
    ],
  },
  crouch: {
    title: 'Crouch: the knee never straightens in stance',
    why:
      'In healthy walking the knee nearly straightens in mid and late stance, so the skeleton carries the load. ' +
      'Walking with a bent knee throughout makes the quadriceps work all the time and can come from tight hamstrings, weak calves or knee pain.',
    cues: [
      'Stand tall through the stance leg; let the knee straighten as the body passes over the foot.',
      'Push off through the ball of the foot.',
    ],
    exercises: [
      'Hamstring stretches (and walking backwards for a short part of your walks), 2 x 30 s.',
      'Calf raises: 3 x 15.',
      'Terminal knee extensions with a band: 3 x 15.',
    ],
  },
  overstriding: {
    title: 'Overstriding',
    why:
      'Landing with the heel far in front of the body, knee locked, brakes every step and loads the knee and the hamstrings at full length.',
    cues: [
      'Take slightly shorter, quicker steps.',
      'Land with the foot closer under the body and a soft knee, rolling through to the toes.',
    ],
    exercises: [
      'Walk to a metronome about 5-10 % faster than your usual cadence for a few minutes.',
      'Romanian deadlifts for the hamstrings\' braking role: 3 x 8.',
    ],
  },
  asymmetry: {
    title: 'Left/right asymmetry',
    why:
      'Large differences between the legs (timing or range of motion) often follow an injury, pain or a weakness on one side, ' +
      'and the other side takes extra load.',
    cues: [
      'Aim for even, rhythmic steps; counting or a metronome helps.',
      'Notice whether one leg pushes off less, and give it a conscious push.',
    ],
    exercises: [
      'Single-leg glute bridges, starting with the weaker side: 3 x 10 each.',
      'Single-leg Romanian deadlifts: 3 x 8 each.',
      'Step-ups: 3 x 10 each.',
    ],
  },
  'cadence-low': {
    title: 'Low cadence',
    why: 'Few steps per minute usually go with slow, long or cautious steps, for example after an injury or from reduced push-off.',
    cues: ['Walk to a metronome or music at 100-115 beats per minute for part of your walk.', 'Push off actively with each step.'],
    exercises: ['Glute bridges: 3 x 12.', 'Calf raises: 3 x 15.'],
  },
  'cadence-high': {
    title: 'High cadence',
    why: 'Very quick, short steps can be a way to avoid loading one leg or a sign of hurrying; for brisk walking it can be normal.',
    cues: ['Let the stride lengthen a little by pushing the ground away behind you.'],
    exercises: ['Hip flexor stretch, 2 x 30 s each side.', 'Glute bridges: 3 x 12.'],
  },
};

export { SEE_A_PROFESSIONAL };
