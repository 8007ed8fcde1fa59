/** `npm run bench`: prints speed figures and ratios (never pass/fail). */
import { benchmarkAnalysis, formatAnalysisFigures } from './analysis';
import { benchmarkInference, formatInferenceTable } from './inference';

console.log(formatAnalysisFigures(benchmarkAnalysis()));
console.log('');
try {
  const results = await benchmarkInference({ models: ['lightning', 'thunder'] });
  console.log('MoveNet inference in Node (640x480 input):');
  console.log(formatInferenceTable(results));
  const lightning = results.find((r) => r.model === 'lightning');
  if (lightning) console.log(`Lightning: ${(1000 / lightning.medianMs).toFixed(1)} frames/s = ${(1000 / lightning.medianMs / 30).toFixed(2)}x real time for 30 fps video (inference only)`);
} catch (e) {
  console.log(`MoveNet inference benchmark skipped: ${(e as Error).message}`);
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
