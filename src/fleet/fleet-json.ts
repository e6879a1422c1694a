// fleet-report.json: the same data as the workbook and PDF, with statuses keyed by requirement id.
import { writeFileAtomic } from '../util/fs.js';
import type { FleetReport } from './fleet-model.js';

export function fleetJson(report: FleetReport): unknown {
  const ids = report.requirements.map((r) => r.id);
  return {
    ...report,
    clusters: report.clusters.map(({ statuses, failing, ...cluster }) => ({
      ...cluster,
      statuses: Object.fromEntries(statuses.flatMap((s, i) => (s ? [[ids[i], s]] : []))),
      failing: failing.map((f) => ({
        requirement: ids[f.index],
        status: f.status,
        offenders: f.offenders,
        evidence: f.evidence,
      })),
    })),
    totals: report.totals.map(({ index, ...t }) => ({ requirement: ids[index], ...t })),
  };
}

export async function writeFleetJson(report: FleetReport, file: string): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(fleetJson(report), null, 2)}\n`);
}
