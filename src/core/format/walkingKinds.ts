/**
 * Reading a report per kind of walking (forward, backward): the kinds present, and the report as
 * seen for one analysed kind. Reports saved before kinds were analysed apart have no `byWalking`:
 * they read as one section of their headline kind.
 */
import { WALKING_KINDS, type GaitReport, type Walking, type WalkingKindResult } from './report';

/** The kinds of walking in the recording, forward first. */
export function walkingKinds(report: GaitReport): WalkingKindResult[] {
  return WALKING_KINDS.flatMap((k) => (report.byWalking?.[k] ? [report.byWalking[k]!] : []));
}

/**
 * The report as one kind of walking sees it: that kind's sides, summary and verdict in place of
 * the headline kind's. The report itself for its headline kind, or for a kind not analysed.
 */
export function reportForKind(report: GaitReport, kind: Walking): GaitReport {
  const section = report.byWalking?.[kind];
  if (!section || section.status !== 'analysed' || kind === report.walking) return report;
  return { ...report, walking: section.walking, sides: section.sides!, summary: section.summary!, flags: section.flags, borderline: section.borderline };
}

/** One report view per analysed kind (a report saved before kinds existed: the report itself). */
export function analysedKindReports(report: GaitReport): GaitReport[] {
  const analysed = walkingKinds(report).filter((k) => k.status === 'analysed');
  return analysed.length ? analysed.map((k) => reportForKind(report, k.walking)) : [report];
}
