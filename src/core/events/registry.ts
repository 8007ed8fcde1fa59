/**
 * The registered gait-event detectors and the choice among them: the highest-ranked detector
 * whose body points the track has. A new detector is one unit plus one line here.
 */
import type { EventDetector, FootPoint } from './detector';
import { ankleZeniDetector } from './zeni';
import { heelToeZeniDetector } from './footEvents';

export const EVENT_DETECTORS: readonly EventDetector[] = [ankleZeniDetector, heelToeZeniDetector];

export function chooseEventDetector(available: ReadonlySet<FootPoint>, detectors: readonly EventDetector[] = EVENT_DETECTORS): EventDetector {
  const usable = detectors.filter((d) => d.needs.every((p) => available.has(p)));
  if (!usable.length) throw new Error(`no event detector works with the points ${[...available].join(', ') || 'given'}`);
  return usable.reduce((best, d) => (d.rank > best.rank ? d : best));
}
