/**
 * Editing gait events by hand on the phase timeline: pure operations on the events of both legs
 * (seconds), snapped to the video's frames, and a count of what differs from the detected events.
 * The edited events go to the analysis as `options.events`, which reruns from them.
 */
import { SIDES, type Side } from '../../core/format/report';
export { reportEvents } from '../../core/events/override';
import { frameIndexAt } from './timeSync';

export type EventKind = 'heelStrikes' | 'toeOffs';
export type LegEvents = Record<EventKind, number[]>;
export type EditableEvents = Record<Side, LegEvents>;

export interface EventRef {
  side: Side;
  kind: EventKind;
  index: number;
}

export const EVENT_KINDS: readonly EventKind[] = ['heelStrikes', 'toeOffs'];
export const EVENT_LABEL: Record<EventKind, string> = { heelStrikes: 'heel strike', toeOffs: 'toe off' };

/** Two events of the same leg and kind closer than this are one (seconds). */
const SAME_EVENT_S = 1e-3;

/** The time of the frame nearest to t. */
export function snapToFrame(frameTimes: readonly number[], t: number): number {
  return frameTimes.length ? frameTimes[frameIndexAt(frameTimes, t)] : t;
}

function withTimes(events: EditableEvents, side: Side, kind: EventKind, times: number[]): EditableEvents {
  return { ...events, [side]: { ...events[side], [kind]: times.sort((a, b) => a - b) } };
}

/** Moves one event to time t; returns the events and where the moved one now sits in its list. */
export function moveEvent(events: EditableEvents, ref: EventRef, t: number): { events: EditableEvents; ref: EventRef } {
  const times = events[ref.side][ref.kind].filter((_, i) => i !== ref.index);
  if (times.some((x) => Math.abs(x - t) < SAME_EVENT_S)) return { events, ref };
  const next = withTimes(events, ref.side, ref.kind, [...times, t]);
  return { events: next, ref: { ...ref, index: next[ref.side][ref.kind].indexOf(t) } };
}

/** Moves one event by `frames` frames (snapped to the frame times). */
export function stepEvent(events: EditableEvents, ref: EventRef, frames: number, frameTimes: readonly number[]): { events: EditableEvents; ref: EventRef } {
  const t = events[ref.side][ref.kind][ref.index];
  const i = Math.min(frameTimes.length - 1, Math.max(0, frameIndexAt(frameTimes, t) + frames));
  return moveEvent(events, ref, frameTimes[i]);
}

export function deleteEvent(events: EditableEvents, ref: EventRef): EditableEvents {
  return withTimes(events, ref.side, ref.kind, events[ref.side][ref.kind].filter((_, i) => i !== ref.index));
}

/** Adds an event at t; null when that leg already has one of that kind there. */
export function addEvent(events: EditableEvents, side: Side, kind: EventKind, t: number): { events: EditableEvents; ref: EventRef } | null {
  if (events[side][kind].some((x) => Math.abs(x - t) < SAME_EVENT_S)) return null;
  const next = withTimes(events, side, kind, [...events[side][kind], t]);
  return { events: next, ref: { side, kind, index: next[side][kind].indexOf(t) } };
}

export interface EditCount {
  moved: number;
  added: number;
  deleted: number;
}

/**
 * What differs from the detected events: an edited event at a detected time is unchanged; the
 * rest are paired in time order with the leftover detected events within `moveWindowS` (moved);
 * edited ones left over were added, detected ones left over deleted.
 */
export function countEdits(edited: EditableEvents, detected: EditableEvents, moveWindowS = 0.3): EditCount {
  const count: EditCount = { moved: 0, added: 0, deleted: 0 };
  for (const side of SIDES) {
    for (const kind of EVENT_KINDS) {
      const e = edited[side][kind].filter((t) => !detected[side][kind].some((d) => Math.abs(d - t) < SAME_EVENT_S));
      const d = detected[side][kind].filter((t) => !edited[side][kind].some((x) => Math.abs(x - t) < SAME_EVENT_S));
      const left = [...d];
      for (const t of e) {
        const j = left.findIndex((x) => Math.abs(x - t) <= moveWindowS);
        if (j >= 0) (count.moved++, left.splice(j, 1));
        else count.added++;
      }
      count.deleted += left.length;
    }
  }
  return count;
}

/** Whether event time t of that leg and kind is one the detector did not give. */
export function isEdited(t: number, side: Side, kind: EventKind, detected: EditableEvents | null): boolean {
  return !!detected && !detected[side][kind].some((d) => Math.abs(d - t) < SAME_EVENT_S);
}

/** "2 moved, 1 added" (empty when nothing differs). */
export function describeEdits(c: EditCount): string {
  return [c.moved && `${c.moved} moved`, c.added && `${c.added} added`, c.deleted && `${c.deleted} deleted`].filter(Boolean).join(', ');
}
