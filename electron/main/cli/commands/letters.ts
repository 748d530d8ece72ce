import type { Command } from 'commander';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { DOCUMENT_KINDS, DOCUMENT_KIND_LABELS, type DocumentKind } from '../../../../shared/schemas/documents';
import { checkPeriod, PartialBatch, pause, UsageError, type Cli } from '../cli';

/**
 * `cpreg letters <kind>`: a batch into a folder, started with `documents.startBatch` and followed
 * with `documents.batchStatus`, its progress on stderr (redrawn on a terminal, every tenth otherwise).
 */
export function lettersCommand(program: Command, cli: Cli): void {
  const { io } = cli;
  program
    .command('letters <kind>')
    .description(`write a batch of forms or letters into a folder; <kind> is one of: ${DOCUMENT_KINDS.join(', ')}`)
    .requiredOption('--from <date>', 'first date of the period, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last date of the period, YYYY-MM-DD')
    .requiredOption('--out <dir>', 'the folder to write into (created if missing)')
    .action(async (kindText: string, opts: { from: string; to: string; out: string }) => {
      if (!(DOCUMENT_KINDS as readonly string[]).includes(kindText))
        throw new UsageError(`<kind> must be one of ${DOCUMENT_KINDS.join(', ')} (got "${kindText}")`);
      const kind = kindText as DocumentKind;
      checkPeriod(opts.from, opts.to);
      await cli.withGate(async (gate) => {
        let lastTenth = -1;
        const progress = (s: ChannelOutput<'documents.batchStatus'>) => {
          const line = `${DOCUMENT_KIND_LABELS[kind]}: ${s.done} of ${s.total}`;
          if (io.errIsTty) {
            io.err(`\r${line}${s.state === 'finished' ? '\n' : ''}`);
            return;
          }
          const tenth = s.total === 0 ? 10 : Math.floor((s.done / s.total) * 10);
          if (tenth !== lastTenth) {
            lastTenth = tenth;
            io.err(`${line}\n`);
          }
        };
        let status = await cli.call(gate, 'documents.startBatch', {
          kind,
          from: opts.from,
          to: opts.to,
          folder: opts.out,
        });
        progress(status);
        while (status.state !== 'finished') {
          await pause(20);
          status = await cli.call(gate, 'documents.batchStatus', { id: status.id });
          progress(status);
        }
        io.out(`Wrote ${status.written.length} of ${status.total} into ${status.folder}\n`);
        for (const f of status.failed) io.out(`  not written: ${f.fileName}: ${f.message}\n`);
        for (const f of status.notWritten) io.out(`  not reached: ${f.fileName}\n`);
        if (status.failed.length || status.notWritten.length) throw new PartialBatch();
      });
    });
}
