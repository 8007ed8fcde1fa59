import { html } from 'lit';
import type { GaitPoseTrack } from '../../core/format/poseTrack';
import type { GaitReport } from '../../core/format/report';
import { fmt, percent } from './format';
import { assessTrust } from './trust';
import { describeCapture } from '../../video/shared/captureTime';

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const TRUST_WORDS = { good: 'Good', fair: 'Fair', poor: 'Poor' } as const;

/** Data quality: detection, side view, cycles, repairs, warnings, model and backend, and a verdict. */
export function renderQuality(report: GaitReport, track: GaitPoseTrack | undefined) {
  const q = report.quality;
  const trust = assessTrust(report);
  const source = track?.source ?? report.source;
  const model = source?.model ?? 'unknown';
  const backend = track?.source && typeof track.source.backend === 'string' ? track.source.backend : null;
  const capture = describeCapture(report.source?.capture);
  const item = (term: string, value: unknown) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
  return html`
    <section class="panel quality" data-testid="quality" aria-labelledby="quality-heading">
      <h2 id="quality-heading">How far to trust these numbers</h2>
      <p class="trust ${trust.level}"><strong>${TRUST_WORDS[trust.level]}.</strong> ${capitalize(trust.sentence.replace(/^(Good|Fair|Poor) data: /, ''))}</p>
      <dl class="facts">
        ${item('Legs detected', `${percent(q.detectedFraction)} of ${q.frames} frames`)}
        ${item('Mean keypoint score', fmt(q.meanKeypointScore, 2))}
        ${item('Side view', html`${q.sideView.ok ? '✓ yes' : '✗ no'} <span class="muted">(${fmt(q.sideView.score, 2)}) ${q.sideView.message}</span>`)}
        ${item('Usable gait cycles', `left ${q.usableCycles.left}, right ${q.usableCycles.right}`)}
        ${item('Passes', q.passes)}
        ${item('Left/right leg swaps repaired', `${q.legSwapsRepaired} frames`)}
        ${item('Short gaps filled', `${q.gapsFilled} points`)}
        ${item('Low-confidence points dropped', q.lowConfidenceDropped)}
        ${item('Gaps left empty', q.gapsLeft)}
        ${item('Trunk visible', q.trunkVisible ? 'yes' : 'no (legs only: no trunk-relative angles)')}
        ${item('Smoothing', `zero-lag Butterworth, ${fmt(q.filter.cutoffHz, 1)} Hz (keypoints), ${fmt(q.filter.angleCutoffHz, 1)} Hz (angles), ${fmt(q.filter.sampleRateHz, 0)} frames/s${q.filter.variableFrameRate ? ', variable frame rate' : ''}`)}
        ${item('Pose model', backend ? `${model} on ${backend}` : model)}
        ${capture ? html`<div data-testid="capture-rate"><dt>Frame rate</dt><dd>${capitalize(capture)}</dd></div>` : ''}
        ${q.eventDetector ? item('Gait events', html`${q.eventDetector.id} <span class="muted">(${q.eventDetector.reference})</span>`) : ''}
        ${report.summary.uncertainty ? item('Uncertainties (±)', html`spread over the cycles combined with the measured error of ${report.summary.uncertainty.poseModel.id} <span class="muted">(${report.summary.uncertainty.poseModel.source})</span>`) : ''}
      </dl>
      ${q.warnings.length > 0
        ? html`<h4>Warnings</h4>
            <ul class="warnings">${q.warnings.map((w) => html`<li>${w}</li>`)}</ul>`
        : ''}
    </section>
  `;
}
