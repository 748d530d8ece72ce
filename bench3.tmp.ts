import { writeFileSync } from 'node:fs';
import { createGate } from './electron/main/register/gate';
import { annualReturnModel } from './shared/forms/annual-return';
import { drawAnnualReturn } from './electron/main/register/pdf/annual-return-pdf';
async function main() {
  const gate = createGate({ path: '/tmp/ar/small.sqlite', register: { automaticBackups: false } });
  await gate.signIn('demo', 'demo register password');
  const reports = await gate.register!.reports.annual(2026);
  writeFileSync('/tmp/ar/reports2026.json', JSON.stringify(reports));
  await gate.close();
  const model = annualReturnModel({ year: 2026, partnership: 'P', marking: 'M', generatedOn: '2026-12-02', reports });
  for (let i = 0; i < 8; i++) {
    const t = performance.now();
    drawAnnualReturn(model);
    console.log(`draw ${(performance.now() - t).toFixed(0)} ms`);
  }
}
void main();
