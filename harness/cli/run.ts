// `rgw-conformance run`: select and load scenarios (refusing malformed ones before anything runs), start or
// reach the target, run with --jobs, show progress, print the summary, write reports. Exit 0 only when every
// selected scenario passed; 1 otherwise; 2 for usage or scenario errors.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { RunResult } from '../result.js';
import { runScenarios } from '../run/runner.js';
import type { Transport } from '../run/scenario.js';
import { filterScenarios, findScenarioFiles, loadAll } from '../run/select.js';
import { formatDiagnostic } from '../scenario/diagnostics.js';
import { startReferenceTarget } from '../targets/reference.js';
import { rgwTarget } from '../targets/rgw.js';
import type { Target } from '../targets/target.js';
import { Progress, type Out } from './progress.js';
import { formatSummary } from './summary.js';

export const RUN_USAGE = `usage: rgw-conformance run [options] [FILE|DIR ...]

Runs conformance scenarios (default: the scenario library) against a target.

target:
  --target reference|rgw     the bundled gateway in process (default), or a live RGW
  --endpoint URL             RGW endpoint                        (env RGW_ENDPOINT)
  --admin-access-key AK      Admin Ops credentials               (env RGW_ADMIN_ACCESS_KEY)
  --admin-secret-key SK                                          (env RGW_ADMIN_SECRET_KEY)
  --region NAME              signing region (default "default")  (env RGW_REGION)
  --creds FILE               JSON with endpoint, region and admin.{accessKeyId,secretAccessKey}
  --profile NAME             AWS shared config profile (endpoint_url, region, keys)
  --capabilities=LIST        adjust what the target supports: "+webidentity,-quota", or a full list

selection:
  --tags LIST                scenarios with any of these tags ("!tag" excludes)
  --grep REGEX               scenarios whose name or file matches
  --list                     print the selected scenarios and exit
  --check                    load and check the scenarios, run nothing

run:
  --jobs N                   scenarios run at a time (default 1)
  --allow-skipped            scenarios the target cannot run do not fail the run
  --record DIR               record every HTTP exchange per scenario and step (redacted)
  --report DIR               write reports (JUnit XML, JSON, Markdown, HTML)
  -h, --help
`;

export interface RunCommandIO {
  stdout?: Out;
  stderr?: Out;
}

export async function runCommand(argv: string[], io: RunCommandIO = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        target: { type: 'string', default: 'reference' },
        endpoint: { type: 'string' },
        region: { type: 'string' },
        'admin-access-key': { type: 'string' },
        'admin-secret-key': { type: 'string' },
        creds: { type: 'string' },
        profile: { type: 'string' },
        capabilities: { type: 'string' },
        tags: { type: 'string', multiple: true },
        grep: { type: 'string' },
        list: { type: 'boolean' },
        check: { type: 'boolean' },
        jobs: { type: 'string', default: '1' },
        'allow-skipped': { type: 'boolean' },
        record: { type: 'string' },
        report: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    stderr.write(`rgw-conformance run: ${(err as Error).message}\n\n${RUN_USAGE}`);
    return 2;
  }
  const v = args.values;
  if (v.help) {
    stdout.write(RUN_USAGE);
    return 0;
  }
  const usage = (msg: string): number => {
    stderr.write(`rgw-conformance run: ${msg}\n`);
    return 2;
  };
  if (v.target !== 'reference' && v.target !== 'rgw') return usage(`--target is reference or rgw, not "${v.target}"`);
  if (!/^[1-9]\d*$/.test(v.jobs)) return usage(`--jobs takes a positive whole number, not "${v.jobs}"`);
  if (v.target === 'reference' && (v.endpoint || v.creds || v.profile)) return usage('--endpoint, --creds and --profile are for --target rgw');
  if (v.grep) {
    try {
      new RegExp(v.grep);
    } catch (err) {
      return usage(`--grep: ${(err as Error).message}`);
    }
  }

  let files: string[];
  try {
    files = await findScenarioFiles(args.positionals);
  } catch (err) {
    return usage((err as Error).message);
  }
  const { scenarios: all, diagnostics } = await loadAll(files);
  if (diagnostics.length > 0) {
    stderr.write(`${diagnostics.map(formatDiagnostic).join('\n\n')}\n\n`);
    stderr.write(`rgw-conformance run: ${diagnostics.length} problem(s) in the scenarios; nothing was run\n`);
    return 2;
  }
  const tags = (v.tags ?? []).flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean);
  const selected = filterScenarios(all, { tags, grep: v.grep });
  if (v.list || v.check) {
    for (const s of selected) stdout.write(`${s.name}  (${s.file}; requires ${s.requires.join(', ') || 'nothing'})\n`);
    if (v.check) stdout.write(`${all.length} scenario(s) checked, no problems\n`);
    return 0;
  }
  if (selected.length === 0) return usage('no scenario matches the selection');

  let transport: Transport | undefined;
  if (v.record) {
    try {
      transport = await recordingTransport(v.record);
    } catch (err) {
      return usage(`--record: ${(err as Error).message}`);
    }
  }

  let target: Target;
  try {
    target =
      v.target === 'rgw'
        ? await rgwTarget({
            endpoint: v.endpoint,
            region: v.region,
            accessKey: v['admin-access-key'],
            secretKey: v['admin-secret-key'],
            credsFile: v.creds,
            profile: v.profile,
            capabilities: v.capabilities,
          })
        : await startReferenceTarget({ capabilities: v.capabilities });
  } catch (err) {
    stderr.write(`rgw-conformance run: ${(err as Error).message}\n`);
    return 2;
  }

  let result: RunResult;
  const progress = new Progress(stderr, selected.length);
  try {
    stderr.write(`running ${selected.length} scenario(s) against ${target.description} with ${v.jobs} job(s)\n`);
    result = await runScenarios(selected, target, {
      jobs: Number(v.jobs),
      transport,
      onEvent: progress.onEvent,
      selection: { tags, grep: v.grep, files: args.positionals },
    });
  } finally {
    progress.finish();
    await target.close();
  }
  stdout.write(formatSummary(result, !!stdout.isTTY && !process.env.NO_COLOR));
  if (v.report) {
    const written = await writeReports(result, v.report);
    stdout.write(`reports: ${written.join(', ')}\n`);
  }
  const s = result.summary;
  const ok = s.failed === 0 && s.error === 0 && (s.skipped === 0 || v['allow-skipped']);
  if (!ok && s.failed === 0 && s.error === 0) stdout.write(`${s.skipped} scenario(s) skipped: the run does not pass (use --allow-skipped to accept)\n`);
  return ok ? 0 : 1;
}

// The report writers and the recording proxy live in their own modules (reports/, harness/proxy/), loaded on
// demand by name so this command works before they exist.
const REPORTS_MODULE = '../../reports/index.js';
const PROXY_MODULE = '../proxy/index.js';

async function writeReports(result: RunResult, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const mod = (await import(REPORTS_MODULE).catch(() => undefined)) as
    | { writeReports?: (r: RunResult, d: string) => Promise<string[]> }
    | undefined;
  if (mod?.writeReports) return mod.writeReports(result, dir);
  const file = join(dir, 'results.json');
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  return [file];
}

async function recordingTransport(dir: string): Promise<Transport> {
  const mod = (await import(PROXY_MODULE).catch(() => undefined)) as
    | { createRecordingTransport?: (o: { dir: string }) => Promise<Transport> | Transport }
    | undefined;
  if (!mod?.createRecordingTransport) throw new Error('the recording proxy is not available in this build');
  return mod.createRecordingTransport({ dir });
}
