/**
 * Styles shared by the shell's views (each a shadow root): buttons, focus ring, cards, alerts,
 * forms. Colours and spacing come from the custom properties in global.css.
 */
import { css } from 'lit';

export const sharedStyles = css`
  :host { display: block; font-family: var(--gait-font); color: var(--gait-fg); }
  *, *::before, *::after { box-sizing: border-box; }
  h1, h2, h3 { line-height: 1.25; margin: 0 0 var(--gait-space-3); }
  h1 { font-size: clamp(1.45rem, 1.2rem + 1vw, 1.9rem); }
  h2 { font-size: 1.25rem; }
  h3 { font-size: 1.05rem; }
  h1:focus, h2:focus { outline: none; }
  h1:focus-visible, h2:focus-visible { outline: 3px solid var(--gait-focus); outline-offset: 4px; border-radius: 4px; }
  p { margin: 0 0 var(--gait-space-3); }
  a { color: var(--gait-accent); }
  a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, label.file:focus-within, summary:focus-visible {
    outline: 3px solid var(--gait-focus);
    outline-offset: 2px;
  }

  .btn {
    display: inline-flex; align-items: center; justify-content: center; gap: var(--gait-space-2);
    min-height: 44px; padding: 0.55rem 1.1rem;
    font: inherit; font-weight: 600; line-height: 1.2; text-decoration: none;
    color: var(--gait-accent); background: var(--gait-surface);
    border: 2px solid var(--gait-accent); border-radius: var(--gait-radius);
    cursor: pointer;
  }
  .btn:hover { background: var(--gait-accent-soft); }
  .btn.primary { color: var(--gait-accent-fg); background: var(--gait-accent); }
  .btn.primary:hover { background: var(--gait-accent-hover); border-color: var(--gait-accent-hover); }
  .btn.danger { color: var(--gait-danger); border-color: var(--gait-danger); }
  .btn.danger:hover { background: var(--gait-danger-soft); }
  .btn.small { min-height: 36px; padding: 0.3rem 0.75rem; font-size: 0.95rem; }
  .btn[disabled], .btn[aria-disabled='true'] { opacity: 0.5; cursor: not-allowed; }
  .link-btn { font: inherit; color: var(--gait-accent); background: none; border: 0; padding: 0; text-decoration: underline; cursor: pointer; }

  .card {
    background: var(--gait-surface); border: 1px solid var(--gait-border); border-radius: var(--gait-radius);
    padding: var(--gait-space-4); box-shadow: var(--gait-shadow);
  }
  .muted { color: var(--gait-muted); }
  .small-text { font-size: 0.9rem; }

  .alert {
    border: 2px solid var(--gait-danger); background: var(--gait-danger-soft); border-radius: var(--gait-radius);
    padding: var(--gait-space-3) var(--gait-space-4);
  }
  .alert h2 { color: var(--gait-danger); margin-bottom: var(--gait-space-2); }
  .status {
    border-left: 4px solid var(--gait-ok); background: var(--gait-ok-soft); border-radius: 6px;
    padding: var(--gait-space-2) var(--gait-space-3);
  }
  .notice {
    border-left: 4px solid var(--gait-warn); background: var(--gait-warn-soft); border-radius: 6px;
    padding: var(--gait-space-2) var(--gait-space-3);
  }

  label { font-weight: 600; }
  input[type='text'], input[type='search'], select, textarea {
    font: inherit; min-height: 44px; padding: 0.4rem 0.6rem; color: inherit; background: var(--gait-surface);
    border: 1px solid var(--gait-muted); border-radius: 8px; max-width: 100%;
  }

  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 0.45rem 0.6rem; border-bottom: 1px solid var(--gait-border); vertical-align: top; }
  th { font-weight: 600; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }

  .visually-hidden {
    position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; border: 0;
  }
  .row { display: flex; flex-wrap: wrap; gap: var(--gait-space-2); align-items: center; }
`;
