import { readFileSync } from 'node:fs';
import { annualReturnModel } from './shared/forms/annual-return';
import { drawAnnualReturn } from './electron/main/register/pdf/annual-return-pdf';
const reports = JSON.parse(readFileSync('/tmp/ar/reports2026.json', 'utf8'));
const model = annualReturnModel({ year: 2026, partnership: 'P', marking: 'M', generatedOn: '2026-12-02', reports });
for (let i = 0; i < 12; i++) {
  const t = performance.now();
  drawAnnualReturn(model);
  console.log(`draw ${(performance.now() - t).toFixed(0)} ms`);
}
