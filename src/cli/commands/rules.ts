// `kube-evidence rules list`: the requirements of a framework and how a provider profile maps each, before any scan.
import type { Command } from 'commander';
import { getFramework, loadCatalogue, resolveProfile } from '../../catalogue/load.js';
import { ruleRows, type RuleRowWithMapping } from '../../catalogue/rule-rows.js';
import { csv, textTable } from '../../catalogue/text-table.js';
import { InputError } from '../../util/errors.js';
import { parseLang, langOption } from '../options.js';

const FORMATS = ['table', 'json', 'csv'] as const;
type ListFormat = (typeof FORMATS)[number];

interface ListOptions {
  framework?: string;
  profile?: string;
  format: string;
  lang: string;
}

export function registerRules(program: Command): void {
  const rules = program
    .command('rules')
    .description('show the catalogue: framework requirements and their provider mappings');
  rules
    .command('list')
    .description('list requirements with their mapping under a provider profile (to stdout)')
    .option('--framework <framework>', 'framework id, e.g. cis-kubernetes-1.11.1 (default: every framework)')
    .option(
      '--profile <profile>',
      'provider profile: aks, kubeadm, self-managed, or a profile file that extends one',
    )
    .option('--format <format>', 'table, json or csv', 'table')
    .addOption(langOption('language of titles and reasons'))
    .action(async (opts: ListOptions) => {
      const format = parseListFormat(opts.format);
      const lang = parseLang(opts.lang);
      const catalogue = await loadCatalogue();
      const frameworks = opts.framework
        ? [getFramework(catalogue, opts.framework)]
        : [...catalogue.frameworks.values()];
      const profile = opts.profile ? await resolveProfile(catalogue, opts.profile) : undefined;
      process.stdout.write(formatRows(ruleRows(frameworks, profile, lang), format));
    });
}

function parseListFormat(value: string): ListFormat {
  const format = value.trim().toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format))
    throw InputError.at(undefined, '--format', `"${value}" is not one of ${FORMATS.join(', ')}`);
  return format as ListFormat;
}

export function formatRows(rows: RuleRowWithMapping[], format: ListFormat): string {
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  if (format === 'csv') {
    const header = [
      'framework',
      'id',
      'section',
      'title',
      'level',
      'assessment',
      'strength',
      'mapping',
      'published',
      'responsibility',
      'reason',
      'checks',
    ];
    return csv(
      header,
      rows.map((r) => [
        r.framework,
        r.id,
        r.section,
        r.title,
        r.level ?? '',
        r.assessment,
        r.strength ?? '',
        r.mapping ?? '',
        r.published ?? '',
        r.responsibility ?? '',
        r.reason ?? '',
        r.checks.join(' '),
      ]),
    );
  }
  const header = [
    'framework',
    'id',
    'level',
    'assessment',
    'mapping',
    'published',
    'responsibility',
    'title',
  ];
  return textTable(
    header,
    rows.map((r) => [
      r.framework,
      r.id,
      r.level ?? r.strength ?? '',
      r.assessment,
      r.mapping ?? '',
      r.published ?? '',
      r.responsibility ?? '',
      r.title,
    ]),
  );
}
