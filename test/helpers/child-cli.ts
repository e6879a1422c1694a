// Runs the CLI from the current sources in a child process (for kill -9 and concurrency tests): src/ transpiled once into a temp package.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '..', '..');
let built: Promise<string> | undefined;

/**
 * The path of bin.js in a temp package whose build/ holds src/ transpiled (types are checked by tsc
 * elsewhere) and whose profiles/, templates/, package.json and node_modules link to the repository's:
 * the CLI finds its data two folders above each module, as it does from dist/.
 */
export function childCliBin(): Promise<string> {
  built ??= build();
  return built;
}

async function build(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'kube-evidence-child-cli-'));
  for (const name of ['profiles', 'templates', 'node_modules', 'package.json', 'samples'])
    await symlink(join(ROOT, name), join(root, name));
  const src = join(ROOT, 'src');
  for (const file of await sources(src)) {
    const output = ts.transpileModule(await readFile(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
      fileName: file,
    });
    const target = join(root, 'build', relative(src, file)).replace(/\.ts$/, '.js');
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, output.outputText);
  }
  return join(root, 'build', 'cli', 'bin.js');
}

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sources(path)));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

export interface ChildRun {
  child: ChildProcess;
  /** Resolves when the child exits: its code (null when killed), signal and output. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  /** Resolves when a line of stderr matches. */
  stderrLine: (pattern: RegExp) => Promise<string>;
}

export async function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ChildRun> {
  const bin = await childCliBin();
  const child = spawn(process.execPath, [bin, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const waiter of [...waiters]) {
      const line = stderr.split('\n').find((l) => waiter.pattern.test(l));
      if (line !== undefined) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  const done = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
  const stderrLine = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const line = stderr.split('\n').find((l) => pattern.test(l));
      if (line !== undefined) return resolve(line);
      waiters.push({ pattern, resolve });
      void done.then(() => reject(new Error(`child exited before ${pattern}: ${stderr}`)));
    });
  return { child, done, stderrLine };
}
