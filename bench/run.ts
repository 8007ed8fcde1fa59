/** `npm run bench`: prints speed figures and ratios (never pass/fail). */
import { benchmarkAnalysis, formatAnalysisFigures } from './analysis';
import { benchmarkInference, formatInferenceTable } from './inference';
import { TRACKING_MODELS } from '../src/pose/models/catalog';

console.log(formatAnalysisFigures(benchmarkAnalysis()));
console.log('');
try {
  const results = await benchmarkInference({ models: TRACKING_MODELS.map((m) => m.key) });
  console.log('Pose-model inference in Node (640x480 frame of the rendered walker):');
  console.log(formatInferenceTable(results));
  const lightning = results.find((r) => r.model === 'lightning');
  if (lightning) {
    console.log(`Lightning: ${(1000 / lightning.medianMs).toFixed(1)} frames/s = ${(1000 / lightning.medianMs / 30).toFixed(2)}x real time for 30 fps video (inference only)`);
    for (const r of results) if (r !== lightning) console.log(`${r.model}: ${(r.medianMs / lightning.medianMs).toFixed(2)}x Lightning's time per frame`);
  }
} catch (e) {
  console.log(`Pose-model inference benchmark skipped: ${(e as Error).message}`);
}

console.log('');
try {
  const { benchmarkCli, formatCliFigures } = await import('./cli');
  console.log(formatCliFigures(await benchmarkCli()));
} catch (e) {
  console.log(`CLI benchmark skipped: ${(e as Error).message}`);
}

console.log('');
try {
  const { benchmarkBrowser, formatBrowserFigures } = await import('./browser/run');
  console.log(formatBrowserFigures(await benchmarkBrowser()));
} catch (e) {
  console.log(`Browser benchmark skipped: ${(e as Error).message}`);
}
