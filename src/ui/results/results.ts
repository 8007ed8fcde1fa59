import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { cyclesCsv, exportFileName, framesCsv, MIME, numbersCsv, reportJson, trackJson, type ExportKind } from '../../core/export';
import { metresPerPixel, motText, trcText } from '../../core/export/opensim';
import { measurementsCsv, type Measurement } from '../../core/export/measurements';
import type { GaitPoseTrack } from '../../core/format/poseTrack';
import { reportHasFeet, SIDES, type GaitReport, type Side, type StrikeKind, type StrikeSummary, type Walking } from '../../core/format/report';
import { reportForKind, walkingKinds } from '../../core/format/walkingKinds';
import { cycleAnglesOf } from '../charts/cycleChart';
import { SIDE_LABEL } from '../charts/palette';
import './cycleChart';
import type { GaitCycleChart } from './cycleChart';
import { composeChartsPng, downloadBlob, downloadText } from './download';
import { renderFlags } from './flagCards';
import { directionWords, fmt, walkingWords } from './format';
import { renderMetricsTable } from './metricsTable';
import './phaseRangeChart';
import type { GaitPhaseRangeChart } from './phaseRangeChart';
import './phaseTimeline';
import type { GaitPhaseTimeline } from './phaseTimeline';
import type { EditableEvents } from './eventEdits';
import { renderQuality } from './qualityPanel';
import { baseStyles } from './styles';
import type { SeekDetail } from './timeSync';
import { assessTrust } from './trust';
import './videoOverlay';
import type { GaitVideoOverlay, TimeDetail } from './videoOverlay';

/** The cycle charts of a report, a row per joint (hip, knee, and the ankle where the feet were seen), left beside right. */
const cycleCharts = (report: GaitReport) => cycleAnglesOf(report).flatMap((angle) => SIDES.map((side) => [angle, side] as const));

const STRIKE_WORD: Record<StrikeKind | 'none', string> = { heel: 'Heel', flat: 'Flat', forefoot: 'Forefoot', none: '–' };
/** The key-number tile's word for one side: the typical pattern, with a question mark when the angle cannot tell it for sure. */
function strikeWord(summary: StrikeSummary | undefined) {
  const word = STRIKE_WORD[summary?.typical ?? 'none'];
  return summary?.typical && summary.certain === false ? html`<span title="Not certain: the foot angle at contact is within its uncertainty of a limit">${word}?</span>` : word;
}

/** Suggested share of walking time spent walking backwards (docs/design.md, section 8). */
const BACKWARD_SUGGESTED = '10-25 %';

/**
 * The results of one analysed walk, all driven by the gait report: the video with its skeleton,
 * the phase timeline, the cycle and phase-range charts (one time cursor shared by all: scrubbing
 * the video moves it, clicking a chart or the timeline seeks the video), key numbers against
 * healthy ranges, flags with guidance, data quality, exports and print.
 *
 * Fires `save-session` (bubbles, composed) from its "Save to history" button; the shell saves.
 */
@customElement('gait-results')
export class GaitResults extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { container-type: inline-size; }
      .results { display: grid; gap: 1.25rem; }
      header.summary h2 { font-size: 1.4rem; margin-bottom: 0.25rem; }
      .direction { font-size: 1rem; margin: 0; }
      .disclaimer { border-left: 4px solid #8a6d00; background: #fff8e1; padding: 0.6rem 0.8rem; border-radius: 6px; margin: 0; }
      .edited-events { border-left: 4px solid #d55e00; background: #fdf1e8; padding: 0.6rem 0.8rem; border-radius: 6px; margin: 0; }
      .alert { border-left: 4px solid #b91c1c; background: #fdecea; padding: 0.6rem 0.8rem; border-radius: 6px; margin: 0; }
      .backward { border-left: 4px solid #0072b2; background: #eaf4fb; padding: 0.6rem 0.8rem; border-radius: 6px; margin: 0; }
      .top { display: grid; grid-template-columns: minmax(0, 3fr) minmax(15rem, 2fr); gap: 1rem; align-items: start; }
      .keys { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0.6rem; margin: 0; }
      .keys div { background: #f6f8fa; border-radius: 8px; padding: 0.5rem 0.7rem; }
      .keys dt { font-size: 0.8rem; color: #56606b; }
      .keys dd { margin: 0; font-size: 1.15rem; font-weight: 600; font-variant-numeric: tabular-nums; }
      .keys dd small { font-size: 0.78rem; font-weight: 400; color: #56606b; white-space: nowrap; }
      .keys dd { overflow-wrap: anywhere; }
      .charts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 1rem; }
      .chart-intro { margin-bottom: 0.6rem; }
      .ranges { margin-top: 1rem; }
      .flags { display: grid; gap: 1rem; }
      .flag { border: 1px solid #d8dee4; border-left: 6px solid #b45309; border-radius: 10px; padding: 0.9rem 1rem; background: #fff; }
      .flag.mild { border-left-color: #ca8a04; }
      .flag.marked { border-left-color: #b91c1c; }
      .flag h4 { margin-top: 0.8rem; margin-bottom: 0.25rem; }
      .flag ul { margin: 0.2rem 0 0.4rem; padding-left: 1.2rem; }
      .flag-meta { display: flex; flex-wrap: wrap; gap: 0.3rem 0.8rem; align-items: center; font-size: 0.875rem; margin: 0; }
      .severity { font-weight: 700; padding: 0.05rem 0.5rem; border-radius: 999px; background: #fde8d7; color: #7c2d12; }
      .severity.mild { background: #fef3c7; color: #713f12; }
      .severity.marked { background: #fee2e2; color: #7f1d1d; }
      .evidence { font-size: 0.9rem; }
      .two { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0 1.2rem; }
      .professional { font-size: 0.9rem; }
      .no-flags { border-left: 6px solid #1b7837; }
      table.metrics { width: 100%; min-width: 22rem; }
      table.metrics td.both { text-align: center; }
      table.metrics th .muted { font-weight: 400; }
      table.metrics tr.group th { background: #eef2f6; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.03em; color: #39424e; }
      .sources { font-size: 0.75rem; padding-left: 1.4rem; margin: 0.6rem 0 0; }
      .quality .facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: 0.5rem 1.2rem; margin: 0.5rem 0; }
      .quality dt { font-size: 0.8rem; color: #56606b; }
      .quality dd { margin: 0; }
      .trust { padding: 0.5rem 0.7rem; border-radius: 6px; }
      .trust.good { background: #e7f5ea; }
      .trust.fair { background: #fff8e1; }
      .trust.poor { background: #fdecea; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
      .kinds p { margin: 0 0 0.5rem; }
      .kind-switch { display: flex; flex-wrap: wrap; gap: 0.5rem; }
      .kind-switch button[aria-pressed='true'] { background: #0b4fc4; color: #fff; border-color: #0b4fc4; }
      .actions button.primary { background: #0b4fc4; color: #fff; border-color: #0b4fc4; }
      .actions button.primary:hover { background: #0a43a6; }
      @container (max-width: 760px) {
        .top, .charts, .two { grid-template-columns: minmax(0, 1fr); }
      }
      .range-inline, table.metrics .status .short { display: none; }
      @container (max-width: 480px) {
        /* Phones: the healthy range moves under the measure's name, so the table fits without scrolling. */
        table.metrics .range-col { display: none; }
        table.metrics .range-inline { display: inline; }
        table.metrics .status .long { display: none; }
        table.metrics .status .short { display: inline; }
        table.metrics { font-size: 0.8rem; min-width: 0; }
        table.metrics th, table.metrics td { padding: 0.25rem 0.3rem; }
        .panel { padding: 0.75rem 0.6rem; }
      }
      @media print {
        /* One A4 page (issue 4): the shell's @page sets A4 with 12 mm margins; charts 2x2 and scaled
           down (zoom shrinks layout too, unlike transform), flags cut to what was seen plus one cue. */
        :host { font-size: 9.5pt; }
        header.summary h2 { font-size: 12pt; margin-bottom: 0; }
        .direction { font-size: 9.5pt; }
        .disclaimer, .backward { font-size: 8.5pt; line-height: 1.3; }
        .charts gait-cycle-chart { zoom: 0.78; }
        /* With the ankle, three rows of charts take the height two took; the key numbers say how the feet land. */
        .charts.with-ankle gait-cycle-chart { zoom: 0.55; }
        [data-testid='strike-summary'] { display: none !important; }
        #cycle-heading { margin-bottom: 0.2rem; }
        .flag h4, .flag .evidence { display: none !important; }
        .flag .two ul { list-style: none; padding-left: 0; margin: 0; }
        .flag .two li:not(:first-child) { display: none; }
        .flag .two li::before { content: 'Try: '; font-weight: 600; }
        .quality h2 { font-size: 10.5pt; margin-bottom: 0.2rem; }
        .quality .trust { padding: 0.2rem 0.4rem; }
        .results { gap: 0.5rem; }
        .top { grid-template-columns: 1fr; }
        .no-print, gait-video-overlay, gait-phase-timeline, gait-phase-range-chart, .quality .facts, .quality h4, .quality ul,
        [data-testid='metrics-table'], .flag .why, .flag .exercises, .flag .professional, .flag h4.hide-print { display: none !important; }
        .charts { grid-template-columns: 1fr 1fr; gap: 0.4rem; }
        .chart-intro, .flag .evidence .muted, .flag .flag-meta .muted { display: none; }
        .flags { grid-template-columns: 1fr 1fr; gap: 0.4rem; }
        .flags > h2, .flags > .no-flags { grid-column: 1 / -1; }
        .flag { padding: 0.3rem 0.5rem; break-inside: avoid; font-size: 9pt; }
        .flag h3 { font-size: 10.5pt; margin-bottom: 0.1rem; }
        .flag h4 { margin-top: 0.3rem; font-size: 9pt; }
        .flag p, .flag ul { margin-bottom: 0.2rem; }
        .flag .evidence { font-size: inherit; }
        .two { grid-template-columns: 1fr; }
        .keys { grid-template-columns: repeat(4, 1fr); }
        .keys div { padding: 0.2rem 0.4rem; }
        .keys dd { font-size: 10pt; }
        h2 { font-size: 12pt; }
        .disclaimer, .backward { padding: 0.3rem 0.5rem; }
      }
    `,
  ];

  @property({ attribute: false }) report?: GaitReport;
  @property({ attribute: false }) track?: GaitPoseTrack;
  @property({ attribute: false }) videoUrl: string | null = null;
  /** The detector's events when the report's were corrected by hand (null: as detected). */
  @property({ attribute: false }) detected: EditableEvents | null = null;
  /** Why the last event edit could not be analysed. */
  @property() editError = '';
  /** Angles and distances measured by hand on paused frames. */
  @property({ attribute: false }) measurements: Measurement[] = [];

  /** Metres per image pixel when the analysis knows a scale (body height or treadmill speed). */
  private scale: number | null = null;


  @state() private exportStatus = '';
  /** The kind of walking shown when the recording holds both (null: the report's headline kind). */
  @state() private kind: Walking | null = null;

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('report')) this.kind = null;
    if (changed.has('report') || changed.has('track')) {
      this.scale = this.report && this.track ? (metresPerPixel(this.track, this.report)?.metresPerPixel ?? null) : null;
    }
  }

  /** The kinds of walking in the recording, with their sections. */
  private get kinds() {
    return this.report ? walkingKinds(this.report) : [];
  }

  /**
   * The report as the parts below show it: the chosen kind's sides, summary and verdict in place of
   * the headline kind's (forward and backward walking are never pooled).
   */
  private get shown(): GaitReport | undefined {
    return this.report && this.kind ? reportForKind(this.report, this.kind) : this.report;
  }

  /** The timeline shows every pass with its events and cycles, whichever kind the rest shows. */
  private get timelineReport(): GaitReport | undefined {
    const report = this.report;
    const analysed = this.kinds.filter((k) => k.status === 'analysed');
    if (!report || analysed.length < 2) return this.shown;
    const sides = Object.fromEntries(
      SIDES.map((side) => {
        const all = analysed.map((k) => k.sides![side]);
        const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
        return [
          side,
          {
            ...report.sides[side],
            heelStrikes: sorted(all.flatMap((x) => x.heelStrikes)),
            toeOffs: sorted(all.flatMap((x) => x.toeOffs)),
            cycles: all.flatMap((x) => x.cycles).sort((a, b) => a.start - b.start),
          },
        ];
      }),
    ) as GaitReport['sides'];
    return { ...report, sides };
  }

  private renderKinds(report: GaitReport) {
    const kinds = this.kinds;
    if (kinds.length < 2) return nothing;
    const current = this.kind ?? report.walking;
    const words = (w: Walking) => (w === 'forward' ? 'Forward walking' : 'Backward walking');
    return html`<div class="kinds panel" data-testid="walking-kinds">
      <p>
        This recording holds forward and backward walking:
        ${kinds.map((k, i) => html`${i ? ', ' : ''}${k.walking} ${fmt(k.percentOfWalking, 0)} %`)} of the walking time. Each is analysed and
        judged on its own${kinds.some((k) => k.walking === 'backward') ? ' (backward walking against backward-walking references, never flagged against forward ones)' : ''}.
      </p>
      <div class="kind-switch" role="group" aria-label="Kind of walking shown">
        ${kinds.map(
          (k) => html`<button
            type="button"
            data-testid=${`kind-${k.walking}`}
            aria-pressed=${current === k.walking ? 'true' : 'false'}
            ?disabled=${k.status !== 'analysed'}
            @click=${() => (this.kind = k.walking)}
          >
            ${words(k.walking)}${k.status === 'analysed' ? '' : ': not enough steps'}
          </button>`,
        )}
      </div>
      ${kinds.filter((k) => k.status !== 'analysed').map((k) => html`<p class="muted" data-testid=${`kind-${k.walking}-message`}>${k.message}</p>`)}
    </div>`;
  }

  private onTime = (event: Event) => {
    const t = (event as CustomEvent<TimeDetail>).detail.time;
    for (const el of this.renderRoot.querySelectorAll<GaitCycleChart | GaitPhaseRangeChart | GaitPhaseTimeline>(
      'gait-cycle-chart, gait-phase-range-chart, gait-phase-timeline',
    )) {
      el.setTime(t);
    }
  };

  private onSeek = (event: Event) => {
    event.stopPropagation();
    this.overlay?.seek((event as CustomEvent<SeekDetail>).detail.time);
  };

  private get overlay(): GaitVideoOverlay | null {
    return this.renderRoot.querySelector('gait-video-overlay');
  }

  private exportName(kind: ExportKind): string {
    return exportFileName(this.report!, kind, new Date());
  }

  private async export(kind: ExportKind | 'print'): Promise<void> {
    const report = this.report;
    if (!report) return;
    switch (kind) {
      case 'report-json':
        return downloadText(reportJson(report), MIME.json, this.exportName(kind));
      case 'frames-csv':
        return downloadText(framesCsv(report), MIME.csv, this.exportName(kind));
      case 'cycles-csv':
        return downloadText(cyclesCsv(report), MIME.csv, this.exportName(kind));
      case 'numbers-csv':
        return downloadText(numbersCsv(report), MIME.csv, this.exportName(kind));
      case 'track-json':
        if (this.track) downloadText(trackJson(this.track), MIME.json, this.exportName(kind));
        return;
      case 'opensim-trc': {
        const name = this.exportName(kind);
        if (this.track) downloadText(trcText(this.track, report, name), 'text/plain;charset=utf-8', name);
        return;
      }
      case 'measurements-csv':
        return downloadText(measurementsCsv(this.measurements, this.scale), MIME.csv, this.exportName(kind));
      case 'opensim-mot': {
        const name = this.exportName(kind);
        return downloadText(motText(report, name.replace(/\.mot$/, '')), 'text/plain;charset=utf-8', name);
      }
      case 'charts-png': {
        const charts = [...this.renderRoot.querySelectorAll<GaitCycleChart>('gait-cycle-chart')]
          .filter((c) => c.canvas)
          .map((c) => ({ title: c.caption, canvas: c.canvas! }));
        const wide = [];
        const ranges = this.renderRoot.querySelector<GaitPhaseRangeChart>('gait-phase-range-chart')?.canvas;
        if (ranges) wide.push({ title: 'Angle range in each phase', canvas: ranges });
        const timeline = this.renderRoot.querySelector<GaitPhaseTimeline>('gait-phase-timeline')?.timelineCanvas;
        if (timeline) wide.push({ title: 'Gait phases over time', canvas: timeline });
        try {
          const png = await composeChartsPng(`Gait analysis: ${walkingWords(report.walking, report.direction)}`, charts, wide);
          downloadBlob(png, this.exportName(kind));
        } catch (error) {
          this.exportStatus = `Could not make the picture: ${(error as Error).message}`;
        }
        return;
      }
      case 'print':
        window.print();
        return;
    }
  }

  private save(): void {
    this.dispatchEvent(new CustomEvent('save-session', { bubbles: true, composed: true }));
  }

  private renderDirection(report: GaitReport) {
    const directions = [...new Set(report.passes.map((p) => p.direction))];
    const passes =
      report.passes.length > 1
        ? ` (${report.passes.length} passes: ${report.passes.map((p) => `${p.walking === report.walking ? '' : `${p.walking} `}${directionWords(p.direction)}`).join(', ')})`
        : '';
    return html`<p class="direction">
      Walking <strong data-testid="walking-direction">${walkingWords(report.walking, report.direction)}${directions.length > 1 ? passes : ''}</strong>
      · ${report.setting === 'treadmill' ? 'on a treadmill' : 'overground'} · ${fmt(report.frames.t[report.frames.t.length - 1] - report.frames.t[0])} s
      at ${fmt(report.fps, 0)} frames/s
    </p>`;
  }

  private renderBackward(report: GaitReport) {
    const share = report.summary.backwardPercent;
    if (report.walking !== 'backward' && !(share > 0)) return nothing;
    return html`<p class="backward" role="note">
      <strong>Backward walking recognised</strong>${Number.isFinite(share) ? html` — ${fmt(share, 0)} % of the walking in this recording was backwards` : ''}.
      Angles and phases were analysed for walking backwards. Walking backwards lengthens the hamstrings, calves and hip flexors and is felt in
      the thighs; a suggested amount is ${BACKWARD_SUGGESTED} of the time you spend walking forwards.
    </p>`;
  }

  private renderKeyNumbers(report: GaitReport) {
    const s = report.summary;
    const both = (f: (side: Side) => number | null, decimals: number, unit: string) =>
      html`${SIDES.map((side, i) => html`${i ? ' / ' : ''}${fmt(f(side), decimals)}${unit}`)} <small>L / R</small>`;
    const trust = assessTrust(report);
    return html`<dl class="keys" aria-label="Key numbers">
      <div><dt>Cadence</dt><dd>${fmt(s.cadence, 0)} <small>steps/min</small></dd></div>
      <div><dt>Stride time</dt><dd>${fmt(s.strideTime?.mean, 2)} <small>s</small></dd></div>
      <div><dt>Stance</dt><dd>${both((side) => s.stancePercent[side], 0, '%')}</dd></div>
      <div><dt>Step time difference</dt><dd>${fmt(s.symmetry.stepTime, 1)} <small>%</small></dd></div>
      <div><dt>Peak hip extension</dt><dd>${both((side) => s.keyValues[side].peakHipExtension, 0, '°')}</dd></div>
      <div><dt>Peak swing knee bend</dt><dd>${both((side) => s.keyValues[side].peakSwingKneeFlexion, 0, '°')}</dd></div>
      ${reportHasFeet(report)
        ? html`<div><dt>Ankle at push-off</dt><dd>${both((side) => s.keyValues[side].peakPushOffPlantarflexion ?? null, 0, '°')}</dd></div>
            <div data-testid="key-foot-strike"><dt>Foot strike</dt><dd>${SIDES.map((side, i) => html`${i ? ' / ' : ''}${strikeWord(report.sides[side].strikeSummary)}`)} <small>L / R</small></dd></div>`
        : nothing}
      <div><dt>Patterns flagged</dt><dd>${report.flags.length}</dd></div>
      <div><dt>Data quality</dt><dd>${trust.level === 'good' ? 'Good' : trust.level === 'fair' ? 'Fair' : 'Poor'}</dd></div>
    </dl>`;
  }

  /** How each foot lands (tracks with heels and toes): the pattern of most steps, the mean angle ± its uncertainty, the counts. */
  private renderStrikes(report: GaitReport) {
    if (!reportHasFeet(report)) return nothing;
    return html`<section class="panel" aria-labelledby="strike-heading" data-testid="strike-summary">
      <h2 id="strike-heading">How the feet land</h2>
      <ul>
        ${SIDES.map((side) => {
          const summary = report.sides[side].strikeSummary;
          return html`<li data-testid=${`strike-${side}`}><strong>${SIDE_LABEL[side]} foot:</strong> ${summary?.description ?? 'no step seen.'}</li>`;
        })}
      </ul>
      <p class="muted">
        From the foot's angle to the floor at each initial contact, relative to a flat foot (Altman &amp; Davis 2012): heel strike above 8°
        toes up, forefoot strike below 1.6° toes down, flat (mid-foot) in between. A mid-foot to slight heel contact, rolling through to
        the toes, is what walking coaches suggest; walking backwards lands on the toes by nature.
      </p>
    </section>`;
  }

  override render() {
    const report = this.shown;
    if (!report || !this.report) return nothing;
    const exportButton = (id: string, kind: ExportKind | 'print', label: string, disabled = false) =>
      html`<button type="button" data-testid=${id} ?disabled=${disabled} @click=${() => void this.export(kind)}>${label}</button>`;
    return html`
      <div class="results" data-testid="results" @gait-time=${this.onTime} @gait-seek=${this.onSeek}>
        <header class="summary">
          <h2>Your walk</h2>
          ${this.renderDirection(report)}
        </header>
        <p class="disclaimer" role="note">
          <strong>Not a diagnosis.</strong> These are measurements from a video, compared with typical healthy adult walking. They cannot tell
          why you walk the way you do; if walking hurts or something worries you, see a physical therapist or another qualified professional.
        </p>
        ${report.options.events
          ? html`<p class="edited-events" role="note" data-testid="report-events-edited">
              <strong>Gait events corrected by hand.</strong> The phases, numbers and flags below come from the corrected heel strikes and toe offs.
            </p>`
          : nothing}
        ${this.renderBackward(report)}
        ${this.renderKinds(this.report)}
        <div class="top">
          ${this.track
            ? html`<gait-video-overlay
                .track=${this.track}
                .report=${report}
                .videoUrl=${this.videoUrl}
                .measurements=${this.measurements}
                .metresPerPixel=${this.scale}
              ></gait-video-overlay>`
            : html`<p class="muted">No pose track: the skeleton view is not available.</p>`}
          ${this.renderKeyNumbers(report)}
        </div>
        <gait-phase-timeline .report=${this.timelineReport} .detected=${this.detected}></gait-phase-timeline>
        ${this.editError ? html`<p class="alert" role="alert" data-testid="event-edit-error">That edit cannot be analysed: ${this.editError} The previous events are kept.</p>` : nothing}
        <section aria-labelledby="cycle-heading">
          <h2 id="cycle-heading">${reportHasFeet(report) ? 'Hip, knee and ankle' : 'Hip and knee'} over the gait cycle</h2>
          <p class="chart-intro muted">
            Each curve is the mean of your gait cycles (heel strike to the next heel strike of the same foot), with a band of ±1 standard
            deviation; the grey band is the healthy range. Shading marks the phases at your mean timing: stance, pre-swing (Pre), swing and terminal swing (Term.). Click a chart to move the video to that point of the cycle.
          </p>
          <div class="charts ${reportHasFeet(report) ? 'with-ankle' : ''}">
            ${cycleCharts(report).map(([angle, side]) => html`<gait-cycle-chart .report=${report} side=${side} angle=${angle}></gait-cycle-chart>`)}
          </div>
          <gait-phase-range-chart class="ranges" .report=${report}></gait-phase-range-chart>
        </section>
        ${this.renderStrikes(report)}
        ${renderFlags(report)}
        ${renderMetricsTable(report)}
        ${renderQuality(report, this.track)}
        <section class="panel no-print" aria-labelledby="export-heading">
          <h2 id="export-heading">Save and export</h2>
          <div class="actions">
            <button type="button" class="primary" data-testid="save-session" @click=${this.save}>Save to history</button>
            ${exportButton('export-report-json', 'report-json', 'Report (JSON)')}
            ${exportButton('export-frames-csv', 'frames-csv', 'Angles per frame (CSV)')}
            ${exportButton('export-cycles-csv', 'cycles-csv', 'Gait cycles (CSV)')}
            ${exportButton('export-numbers-csv', 'numbers-csv', 'Key numbers ± uncertainty (CSV)')}
            ${exportButton('export-track-json', 'track-json', 'Pose track (JSON, can be opened again)', !this.track)}
            ${exportButton('export-trc', 'opensim-trc', 'Keypoints for OpenSim (.trc)', !this.track)}
            ${exportButton('export-mot', 'opensim-mot', 'Joint angles for OpenSim (.mot)')}
            ${exportButton('export-measurements-csv', 'measurements-csv', `Measurements (CSV, ${this.measurements.length})`, this.measurements.length === 0)}
            ${exportButton('export-charts-png', 'charts-png', 'Charts (PNG)')}
            ${exportButton('print', 'print', 'Print or save as PDF')}
          </div>
          <p class="muted" role="status">${this.exportStatus}</p>
          <p class="muted">Files are made on this device; nothing is uploaded.</p>
        </section>
        <p class="muted">
          ${SIDE_LABEL.left} and right are the walker's own legs. Analysed by ${report.generator}${report.source?.model ? ` from ${report.source.model} keypoints` : ''}.
        </p>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gait-results': GaitResults;
  }
}
