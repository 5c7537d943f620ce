// rgw-conformance CLI: `gateway` runs the reference gateway in the foreground; `run` and `compare` belong to
// the harness and reports and are loaded on demand so the gateway starts fast.
import { parseArgs } from 'node:util';
import { DEFAULTS } from './config.js';
import { startGateway } from './gateway.js';

const USAGE = `usage: rgw-conformance <command> [options]

commands:
  gateway   run the reference gateway in the foreground
  run       run conformance scenarios against a target (see: rgw-conformance run --help)
  compare   compare two run reports (see: rgw-conformance compare --help)
  idp       run the bundled OIDC identity provider (see: rgw-conformance idp --help)
`;

const GATEWAY_USAGE = `usage: rgw-conformance gateway --port PORT [--host 127.0.0.1] [--data-dir DIR]
       [--admin-access-key AK --admin-secret-key SK] [--sts-key KEY16]
       [--no-sts] [--sts-min-session-duration S] [--sts-max-session-duration S] [--dns-name NAME]

Prints "listening on http://HOST:PORT" once it accepts requests; stops on SIGINT/SIGTERM.
--port 0 picks a free port. Without --admin-*-key the admin user's keys are generated and printed
(with --data-dir, the keys already stored are kept and printed).
--data-dir DIR          durable state: survives a restart or a crash (kill -9) without losing an acknowledged write
--sts-key KEY16         rgw_sts_key, exactly 16 characters (default: generated)
--no-sts                rgw_s3_auth_use_sts=false: no STS; unknown keys / bad signatures answer
                        InvalidAccessKeyId / SignatureDoesNotMatch instead of AccessDenied
--sts-min-session-duration S, --sts-max-session-duration S
                        rgw_sts_min_session_duration (900) / rgw_sts_max_session_duration (43200)
--dns-name NAME         rgw_dns_name for virtual-host-style buckets (repeatable; default localhost)
`;

export async function gatewayCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'admin-access-key': { type: 'string' },
      'admin-secret-key': { type: 'string' },
      'sts-key': { type: 'string' },
      'no-sts': { type: 'boolean' },
      'sts-min-session-duration': { type: 'string' },
      'sts-max-session-duration': { type: 'string' },
      'dns-name': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(GATEWAY_USAGE);
    return 0;
  }
  const ak = values['admin-access-key'];
  const sk = values['admin-secret-key'];
  if ((ak === undefined) !== (sk === undefined)) throw new UsageError('--admin-access-key and --admin-secret-key go together');
  const port = values.port === undefined ? 8000 : toInt(values.port, '--port');
  if (port < 0 || port > 65535) throw new UsageError('--port must be 0..65535');
  const stsKey = values['sts-key'];
  if (stsKey !== undefined && stsKey.length !== 16) throw new UsageError(`--sts-key must be exactly 16 characters (rgw_sts_key), got ${stsKey.length}`);
  const minDuration = values['sts-min-session-duration'] === undefined ? undefined : toInt(values['sts-min-session-duration'], '--sts-min-session-duration');
  const maxDuration = values['sts-max-session-duration'] === undefined ? undefined : toInt(values['sts-max-session-duration'], '--sts-max-session-duration');
  if ((minDuration ?? DEFAULTS.stsMinSessionDuration) > (maxDuration ?? DEFAULTS.stsMaxSessionDuration)) {
    throw new UsageError('--sts-min-session-duration is larger than --sts-max-session-duration');
  }
  const gw = await startGateway({
    port,
    host: values.host,
    dataDir: values['data-dir'],
    admin: ak && sk ? { accessKeyId: ak, secretAccessKey: sk } : undefined,
    stsKey,
    stsEnabled: values['no-sts'] ? false : undefined,
    stsMinSessionDuration: minDuration,
    stsMaxSessionDuration: maxDuration,
    dnsNames: values['dns-name'],
  });
  if (!ak) {
    // Generated admin keys are printed once so an operator can use them; they are not secrets of anyone else.
    process.stdout.write(`admin access key: ${gw.admin.accessKeyId}\nadmin secret key: ${gw.admin.secretAccessKey}\n`);
  }
  process.stdout.write(`listening on ${gw.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await gw.close();
  return 0;
}

export class UsageError extends Error {}

function toInt(s: string, flag: string): number {
  if (!/^\d+$/.test(s)) throw new UsageError(`${flag} takes a whole number, got "${s}"`);
  return Number(s);
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'gateway':
        return await gatewayCommand(rest);
      case 'run': {
        const { runCommand } = await import('../harness/cli/run.js');
        return await runCommand(rest);
      }
      case 'compare': {
        const { compareCommand } = await import('../reports/compare-command.js');
        return await compareCommand(rest);
      }
      case 'idp': {
        const { idpCommand } = await import('./idp/cli.js');
        return await idpCommand(rest);
      }
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        process.stderr.write(`rgw-conformance: unknown command "${command}"\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    // One line, whatever the error: operators and wrappers read the first line of stderr.
    const msg = (err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, ' ');
    process.stderr.write(`rgw-conformance ${command}: ${msg}\n`);
    return err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1;
  }
}
