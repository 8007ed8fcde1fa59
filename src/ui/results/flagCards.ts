import { html } from 'lit';
import type { Flag, GaitReport } from '../../core/format/report';
import { fmt, fmtRange, sideWords } from './format';

const SEVERITY_WORDS = { mild: 'Mild', moderate: 'Moderate', marked: 'Marked' } as const;

function evidenceValue(value: number, unit: string): string {
  if (unit === 'deg') return `${fmt(value, 1)}°`;
  if (unit === '%') return `${fmt(value, 1)} %`;
  return `${fmt(value, Math.abs(value) < 10 ? 2 : 1)} ${unit}`;
}

function evidence(flag: Flag) {
  return html`<ul class="evidence">
    ${flag.evidence.map(
      (e) => html`<li>
        <strong>${e.measure.charAt(0).toUpperCase() + e.measure.slice(1)}:</strong> ${evidenceValue(e.value, e.unit)}${typeof e.uncertainty === 'number' ? html` ± ${fmt(e.uncertainty, 1)}` : ''}
        <span class="muted">— healthy ${fmtRange(e.reference.low, e.reference.high, e.unit)} (${e.reference.source})</span>
      </li>`,
    )}
  </ul>`;
}

function card(flag: Flag, index: number) {
  const id = `flag-${index}`;
  return html`<article class="flag ${flag.severity}" data-testid="flag" data-flag-id=${flag.id} aria-labelledby=${id}>
    <header>
      <h3 id=${id}>${flag.title}</h3>
      <p class="flag-meta">
        <span class="severity ${flag.severity}">${SEVERITY_WORDS[flag.severity]}</span>
        <span>${sideWords(flag.side)}</span>
        ${flag.estimate ? html`<span class="muted">estimate from a proxy, not measured directly</span>` : ''}
      </p>
    </header>
    <h4>What we saw</h4>
    <p>${flag.message}</p>
    ${evidence(flag)}
    <div class="why">
      <h4>Why it matters</h4>
      <p>${flag.why}</p>
    </div>
    <div class="two">
      <div>
        <h4>Try while walking</h4>
        <ul>${flag.cues.map((c) => html`<li>${c}</li>`)}</ul>
      </div>
      <div class="exercises">
        <h4>Exercises</h4>
        <ul>${flag.exercises.map((c) => html`<li>${c}</li>`)}</ul>
      </div>
    </div>
    <div class="professional">
      <h4>When to see a professional</h4>
      <p>${flag.seeProfessional}</p>
    </div>
  </article>`;
}

/** The flags as cards, or a plain statement that nothing was flagged. */
export function renderFlags(report: GaitReport) {
  return html`
    <section aria-labelledby="flags-heading" class="flags">
      <h2 id="flags-heading">What stands out${report.flags.length ? html` <span class="muted">(${report.flags.length})</span>` : ''}</h2>
      ${report.flags.length === 0
        ? html`<p class="panel no-flags" data-testid="no-flags">
            Nothing stood out: the measured values are within the healthy ranges this tool checks. Keep walking tall, pushing the ground away
            behind you, and let each leg swing through relaxed.
          </p>`
        : report.flags.map(card)}
      ${(report.borderline ?? []).length
        ? html`<div class="panel borderline" data-testid="borderline">
            <h3>Borderline: not flagged</h3>
            <p class="muted">These measures are past a healthy limit by less than the measurement can tell apart. They are not alarms.</p>
            <ul>
              ${(report.borderline ?? []).map(
                (b) => html`<li data-flag-id=${b.id}>
                  <strong>${b.title}</strong> (${sideWords(b.side)}): ${b.measure} ${fmt(b.value, 1)} ± ${fmt(b.uncertainty, 1)}, limit ${fmt(b.limit, 1)}. ${b.message}
                </li>`,
              )}
            </ul>
          </div>`
        : ''}
    </section>
  `;
}
