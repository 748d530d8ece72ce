import { mapAsync } from '../../../../shared/async';
import { appendix3Model, appendix3Problems, type Appendix3Input } from '../../../../shared/forms/appendix3';
import { formatDate, slug } from '../../../../shared/forms/frame';
import { drawAppendix3 } from '../pdf/appendix3-pdf';
import type { Candidate, DocumentSource, MakeOptions, SourceDeps } from './source';

/** Appendix 3 returns: one per agency with escalations whose meeting falls in the period. */
export function appendix3Source(deps: SourceDeps): DocumentSource {
  const { ctx } = deps;

  function candidateFor(agencyId: number, name: string, from: string, to: string): Candidate {
    return {
      entity: 'agency',
      entityId: agencyId,
      periodFrom: from,
      periodTo: to,
      title: `Appendix 3 return: ${name}, ${formatDate(from)} to ${formatDate(to)}`,
      fileName: `appendix3-${slug(name)}-${from}-to-${to}.pdf`,
    };
  }

  async function input(c: Candidate, options: MakeOptions): Promise<Appendix3Input> {
    const from = c.periodFrom ?? '';
    const to = c.periodTo ?? '';
    const { agency, rows } = await deps.agencyEscalations.returnFor(c.entityId, from, to);
    const s = await deps.settings();
    return {
      partnership: s.partnershipName,
      marking: s.protectiveMarking,
      generatedOn: options.generatedOn,
      unit: { name: s.unitName, email: s.unitEmail, phone: s.unitPhone, trainingLink: s.trainingLink },
      agency: { name: agency.name, leadName: agency.leadName, leadJobTitle: agency.leadJobTitle },
      period: { from, to },
      rows,
      initialsOnly: options.initialsOnly,
    };
  }

  return {
    kind: 'appendix3',
    async candidates(from, to) {
      const agencies = new Set((await ctx.repos.agencyEscalations.countsByAgency(from, to)).map((c) => c.agency_id));
      return (await mapAsync([...agencies], async (id) => ctx.repos.agencies.get(id)))
        .filter((a) => a !== undefined)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((a) => candidateFor(a.id, a.name, from, to));
    },
    async candidate(agencyId, from, to) {
      const agency = await ctx.repos.agencies.get(agencyId);
      if (!agency || !from || !to) return undefined;
      return candidateFor(agency.id, agency.name, from, to);
    },
    problems: async (c, options) => appendix3Problems(await input(c, options)),
    render: async (c, options) =>
      drawAppendix3(appendix3Model(await input(c, options)), { password: options.password }),
  };
}
