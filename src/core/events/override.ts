import type { GaitReport, Side } from '../format/report';
import type { SideEvents } from './detector';

/** Event times (seconds) a person set by hand for one leg; they replace the detected ones. */
export type EventOverrides = Partial<Record<Side, SideEvents>>;

/**
 * Hand-corrected gait events in place of the detected ones (Stenum et al. 2021 correct their
 * detector's events by hand in a GUI for the same reason: no detector is always right). For each
 * leg with an override, its events are sorted and split into the passes they fall in (an event
 * outside every pass is dropped: a cycle never spans a turn); a leg without one keeps its
 * detected events. Everything after events (cycles, phases, metrics, flags) then runs as usual.
 */
export function applyEventOverrides(
  detected: Record<Side, SideEvents[]>,
  overrides: EventOverrides | undefined,
  passSpans: readonly (readonly [number, number])[],
): Record<Side, SideEvents[]> {
  if (!overrides) return detected;
  const inPass = (times: readonly number[], [a, b]: readonly [number, number]) =>
    times.filter((t) => Number.isFinite(t) && t >= a && t <= b).sort((x, y) => x - y);
  const side = (s: Side): SideEvents[] => {
    const edited = overrides[s];
    if (!edited) return detected[s];
    return passSpans.map((span) => ({ heelStrikes: inPass(edited.heelStrikes, span), toeOffs: inPass(edited.toeOffs, span) }));
  };
  return { left: side('left'), right: side('right') };
}

/**
 * A report's events of both legs, every kind of walking together (forward and backward passes are
 * analysed apart, but an edit covers the whole recording), sorted and copied: what an edit starts
 * from, or what was detected.
 */
export function reportEvents(report: GaitReport): Record<Side, SideEvents> {
  const kinds = Object.values(report.byWalking ?? {}).flatMap((k) => (k?.sides ? [k.sides] : []));
  const sources = kinds.length ? kinds : [report.sides];
  const sorted = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);
  const leg = (side: Side): SideEvents => ({
    heelStrikes: sorted(sources.flatMap((s) => s[side].heelStrikes)),
    toeOffs: sorted(sources.flatMap((s) => s[side].toeOffs)),
  });
  return { left: leg('left'), right: leg('right') };
}
