// `kube-evidence profiles show|matrix`: a provider profile as resolved, and a workbook comparing providers per requirement.
import type { Command } from 'commander';
import { chooseFramework } from '../../catalogue/select-framework.js';
import { loadCatalogue, resolveProfile } from '../../catalogue/load.js';
import { writeMatrix } from '../../catalogue/matrix-workbook.js';
import { terminalWidth, textTable, wrapText } from '../../catalogue/text-table.js';
import type { ProviderProfile } from '../../model/catalogue.js';
import { pick, type Lang } from '../../model/text.js';
import { InputError } from '../../util/errors.js';
import { log } from '../log.js';
import { DEFAULT_FRAMEWORK, langOption, parseLang } from '../options.js';

export function registerProfiles(program: Command): void {
  const profiles = program
    .command('profiles')
    .description('show provider profiles and compare them across a framework');
  profiles
    .command('show')
    .description('print a provider profile as evaluation sees it (extends resolved)')
    .argument('<profile>', 'aks, kubeadm, self-managed, or a profile file that extends one')
    .option('--format <format>', 'table or json', 'table')
    .addOption(langOption('language of titles and reasons'))
    .action(async (id: string, opts: { format: string; lang: string }) => {
      const lang = parseLang(opts.lang);
      const profile = await resolveProfile(await loadCatalogue(), id);
      if (opts.format === 'json') process.stdout.write(`${JSON.stringify(profile, null, 2)}\n`);
      else if (opts.format === 'table') process.stdout.write(showProfile(profile, lang));
      else throw InputError.at(undefined, '--format', `"${opts.format}" is not one of table, json`);
    });
  profiles
    .command('matrix')
    .description('write an .xlsx workbook: one row per requirement, one column group per provider')
    .option(
      '--framework <framework>',
      'framework id, or benchmark id (cis-kubernetes: its newest version)',
      DEFAULT_FRAMEWORK,
    )
    .requiredOption('--out <file>', 'the workbook to write (.xlsx)')
    .option(
      '--profiles <list>',
      'comma-separated profiles or profile files (default: every built-in profile)',
    )
    .addOption(langOption('workbook language'))
    .action(async (opts: { framework: string; out: string; profiles?: string; lang: string }) => {
      const lang = parseLang(opts.lang);
      if (!/\.xlsx$/i.test(opts.out))
        throw InputError.at(undefined, '--out', `"${opts.out}" should end in .xlsx`);
      const catalogue = await loadCatalogue();
      // No cluster here: a benchmark id means its newest version.
      const framework = chooseFramework(catalogue, opts.framework, undefined).framework;
      const ids = opts.profiles
        ? opts.profiles
            .split(',')
            .map((p) => p.trim())
            .filter(Boolean)
        : [...catalogue.profiles.keys()];
      const chosen: ProviderProfile[] = [];
      for (const id of ids) chosen.push(await resolveProfile(catalogue, id));
      await writeMatrix(framework, chosen, opts.out, lang);
      log(`wrote ${opts.out} (${framework.requirements.length} requirements × ${chosen.length} profiles)`);
    });
}

function showProfile(profile: ProviderProfile, lang: Lang): string {
  const parts: string[] = [];
  const width = terminalWidth();
  const table = (header: string[], rows: string[][]) => textTable(header, rows, width);
  parts.push(
    `${profile.id}: ${pick(profile.title, lang)}${profile.extends ? ` (extends ${profile.extends})` : ''}\n`,
  );
  if (profile.description)
    parts.push(`${wrapText(pick(profile.description, lang), width ?? Infinity).join('\n')}\n`);
  parts.push(`\ndefaults: ${profile.defaults.mapping}, ${profile.defaults.responsibility}\n`);
  const namespaces = `system namespaces: ${profile.parameters.systemNamespaces.join(', ') || '—'}`;
  parts.push(`${wrapText(namespaces, width ?? Infinity).join('\n')}\n\nparameters.paths\n`);
  parts.push(
    table(
      ['key', 'path'],
      Object.entries(profile.parameters.paths).sort(([a], [b]) => a.localeCompare(b)),
    ),
  );
  const attestations = Object.values(profile.attestations);
  if (attestations.length > 0) {
    parts.push('\nattestations\n');
    parts.push(
      table(
        ['id', 'versions', 'title'],
        attestations.map((a) => [a.id, `${a.versions.min}–${a.versions.max}`, pick(a.title, lang)]),
      ),
    );
  }
  const row = (key: string, m: ProviderProfile['checks'][string]) => [
    key,
    m.mapping ?? '',
    m.responsibility ?? '',
    m.published ? `${m.published.result} (${m.published.source})` : '',
    m.decidedBy
      ? `${m.decidedBy.check ?? 'own checks'}${m.decidedBy.facts.length > 0 ? `: ${m.decidedBy.facts.join(', ')}` : ''}`
      : '',
    m.reason ? pick(m.reason, lang) : '',
  ];
  const header = ['check', 'mapping', 'responsibility', 'published', 'decidedBy', 'reason'];
  parts.push(`\nchecks (${Object.keys(profile.checks).length})\n`);
  parts.push(
    table(
      header,
      Object.entries(profile.checks).map(([k, m]) => row(k, m)),
    ),
  );
  for (const [framework, mappings] of Object.entries(profile.requirements)) {
    parts.push(`\nrequirements: ${framework} (${Object.keys(mappings).length})\n`);
    parts.push(
      table(
        ['requirement', ...header.slice(1)],
        Object.entries(mappings).map(([k, m]) => row(k, m)),
      ),
    );
  }
  return parts.join('');
}
