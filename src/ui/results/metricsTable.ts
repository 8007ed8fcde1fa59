import { html } from 'lit';
import type { GaitReport } from '../../core/format/report';
import { fmt, fmtRange } from './format';
import { metricRows, STATUS_WORDS, type MetricCell, type MetricRow } from './metrics';

/** On phones the badges say less, so three columns fit. */
const SHORT_WORDS = { ok: 'ok', low: 'low', high: 'high', 'borderline-low': 'border', 'borderline-high': 'border', none: '' } as const;

function cell(c: MetricCell, row: MetricRow, colspan = 1) {
  const unit = row.unit === '°' ? '°' : '';
  // One value for both legs spans the two columns, centred so it reads as neither leg's.
  return html`<td class=${colspan > 1 ? 'both' : 'num'} colspan=${colspan}>
    <span class="value">${fmt(c.value, row.decimals)}${c.value === null ? '' : unit}${c.extra ? html` <span class="muted">${c.extra}</span>` : ''}</span>
    ${c.status === 'none' ? '' : html`<br /><span class="status ${c.status}"
          >${c.status === 'ok' ? '✓ ' : c.status.startsWith('borderline') ? '~ ' : '! '}<span class="long">${STATUS_WORDS[c.status]}</span><span class="short">${SHORT_WORDS[c.status]}</span></span
        >`}
  </td>`;
}

/** Spatiotemporal numbers and key angles per side beside their healthy ranges, sources numbered. */
export function renderMetricsTable(report: GaitReport) {
  const rows = metricRows(report);
  const sources = [...new Set(rows.flatMap((r) => (r.reference ? [r.reference.source] : [])))];
  const groups: MetricRow['group'][] = ['Timing', 'Symmetry', 'Angles'];
  const groupTitle = { Timing: 'Timing', Symmetry: 'Symmetry (0 % = both legs the same)', Angles: 'Key angles (mean of the cycles)' };
  return html`
    <section class="panel" data-testid="metrics-table" aria-labelledby="metrics-heading">
      <h2 id="metrics-heading">Numbers and healthy ranges</h2>
      <div class="scroll-x" tabindex="0" role="region" aria-labelledby="metrics-heading">
        <table class="metrics">
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col" class="num">Left</th>
              <th scope="col" class="num">Right</th>
              <th scope="col" class="range-col">Healthy range</th>
            </tr>
          </thead>
          ${groups.map(
            (g) => html`<tbody>
              <tr class="group"><th scope="colgroup" colspan="4">${groupTitle[g]}</th></tr>
              ${rows
                .filter((r) => r.group === g)
                .map(
                  (r) => html`<tr>
                    <th scope="row">
                      ${r.label}${r.unit !== '°' ? html` <span class="muted">(${r.unit})</span>` : ''}
                      ${r.note ? html`<br /><span class="muted">${r.note}</span>` : ''}
                      ${r.reference
                        ? html`<span class="range-inline muted"><br />healthy ${fmtRange(r.reference.low, r.reference.high, r.reference.unit)}</span>`
                        : ''}
                    </th>
                    ${'both' in r.cells ? cell(r.cells.both, r, 2) : html`${cell(r.cells.left, r)}${cell(r.cells.right, r)}`}
                    <td class="range-col">
                      ${r.reference
                        ? html`${fmtRange(r.reference.low, r.reference.high, r.reference.unit)}
                            <sup><a href="#source-${sources.indexOf(r.reference.source) + 1}" aria-label="source ${sources.indexOf(r.reference.source) + 1}"
                              >[${sources.indexOf(r.reference.source) + 1}]</a
                            ></sup>`
                        : html`<span class="muted">no reference</span>`}
                    </td>
                  </tr>`,
                )}
            </tbody>`,
          )}
        </table>
      </div>
      <ol class="sources muted">
        ${sources.map((s, i) => html`<li id="source-${i + 1}">${s}</li>`)}
      </ol>
    </section>
  `;
}
