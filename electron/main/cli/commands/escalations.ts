import type { Command } from 'commander';
import {
  ESCALATION_STATUS_FILTERS,
  ESCALATION_STATUS_LABELS,
  IMMEDIATE_RISK_GUIDANCE,
  NATURE_LABELS,
} from '../../../../shared/schemas/escalation';
import { allPages, UsageError, type Cli } from '../cli';

/** `cpreg escalations`: professional disagreement escalations. */
export function escalationsCommand(program: Command, cli: Cli): void {
  const { io } = cli;
  const escalations = program.command('escalations').description('professional disagreement escalations');
  escalations
    .command('list')
    .description(
      'escalations (open ones unless --status says otherwise): immediate risk first, then overdue, then by due date',
    )
    .option('--overdue', 'only those past their stage’s due date')
    .option('--status <status>', `which: ${ESCALATION_STATUS_FILTERS.join(', ')}`, 'open')
    .option('--json', 'print JSON')
    .action(async (opts: { overdue?: boolean; json?: boolean; status: string }) => {
      const status = ESCALATION_STATUS_FILTERS.find((s) => s === opts.status);
      if (!status) {
        throw new UsageError(`--status must be one of ${ESCALATION_STATUS_FILTERS.join(', ')} (got "${opts.status}")`);
      }
      await cli.withGate(async (gate) => {
        const list = await allPages(async (page, pageSize) =>
          cli.call(gate, 'escalations.list', { overdueOnly: opts.overdue ?? false, status, page, pageSize }),
        );
        if (opts.json) return io.out(`${JSON.stringify(list, null, 2)}\n`);
        if (list.length === 0) {
          return io.out(
            opts.overdue
              ? 'No escalation is overdue.\n'
              : status === 'open'
                ? 'No open escalations.\n'
                : 'No escalations.\n',
          );
        }
        cli.table(
          ['Id', 'Due', 'Clock', 'Stage', 'Child or family', 'Raised by', 'Challenged', 'Protocol'],
          list.map((e) => [
            String(e.id),
            e.dueOn,
            e.status !== 'open'
              ? `${ESCALATION_STATUS_LABELS[e.status].toUpperCase()} ${e.closedOn ?? ''}`.trim()
              : e.immediateRisk
                ? 'IMMEDIATE RISK'
                : e.overdue
                  ? `OVERDUE ${-e.workingDaysLeft} WD`
                  : e.dueToday
                    ? 'due today'
                    : `${e.workingDaysLeft} WD left`,
            `${e.stage} ${e.stageName}`,
            e.subjectName,
            e.initiatingAgency,
            e.challengedAgency,
            e.protocolName,
          ]),
        );
      });
    });
  escalations
    .command('show <id>')
    .description('one escalation with every stage, response and action')
    .option('--json', 'print JSON')
    .action(async (idText: string, opts: { json?: boolean }) => {
      if (!/^[1-9]\d*$/.test(idText)) throw new UsageError(`<id> must be an escalation number (got "${idText}")`);
      await cli.withGate(async (gate) => {
        const e = await cli.call(gate, 'escalations.get', { id: Number(idText) });
        if (opts.json) return io.out(`${JSON.stringify(e, null, 2)}\n`);
        const lines = [
          `Escalation ${e.id}: ${e.subjectName} (${e.status})`,
          ...(e.immediateRisk ? [`IMMEDIATE RISK: ${IMMEDIATE_RISK_GUIDANCE}`] : []),
          `Protocol: ${e.protocol.name} (version ${e.protocol.version})`,
          `Raised by ${e.initiatingAgency.name}, challenging ${e.challengedAgency.name}, on ${e.openedOn}`,
          `Nature: ${e.natures.map((n) => (n === 'other' && e.natureOther ? `Other: ${e.natureOther}` : NATURE_LABELS[n])).join('; ')}`,
          `Details: ${e.details}`,
          `Outcome sought: ${e.outcomeSought}`,
          ...e.stages.flatMap((st) => [
            `Stage ${st.number} ${st.name}${st.formalRecord ? ' (formal record)' : ''}: opened ${st.openedOn}, due ${st.dueOn}` +
              (st.closedOn
                ? `, closed ${st.closedOn}`
                : st.clock
                  ? st.clock.overdue
                    ? `, OVERDUE by ${-st.clock.workingDaysLeft} WD`
                    : `, ${st.clock.workingDaysLeft} WD left`
                  : ''),
            `  escalated by ${[st.escalatedBy.name, st.escalatedBy.title, st.escalatedBy.agency].filter(Boolean).join(', ')}` +
              (st.escalatedTo.name
                ? ` to ${[st.escalatedTo.name, st.escalatedTo.title, st.escalatedTo.agency].filter(Boolean).join(', ')}`
                : ''),
            ...(st.response
              ? [
                  `  response ${st.response.on ?? ''} from ${st.response.name ?? ''}: ${st.response.summary ?? ''}${st.resolved === null ? '' : st.resolved ? ' (resolved)' : ' (not resolved)'}`,
                ]
              : []),
          ]),
          ...e.actions.map(
            (a) =>
              `Action: ${a.action}, by ${a.byWhom}${a.completeBy ? `, by ${a.completeBy}` : ''}${a.completedOn ? `, done ${a.completedOn}` : ''}`,
          ),
          ...(e.learning ? [`Learning: ${e.learning}`] : []),
          ...(e.warning ? [`Warning: ${e.warning}`] : []),
        ];
        io.out(`${lines.join('\n')}\n`);
      });
    });
}
