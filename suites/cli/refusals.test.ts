// The gateway refuses bad start-up options in ONE line on stderr with a non-zero exit, before listening.
import t from 'tap';
import { createServer } from 'node:net';
import { runCli, startCliGateway } from './spawn.js';

const CASES: Array<{ args: string[]; why: RegExp; code: number }> = [
  { args: ['--sts-key', '0123456789abcde'], why: /--sts-key must be exactly 16 characters.*got 15/, code: 2 },
  { args: ['--sts-key', '0123456789abcdefg'], why: /--sts-key must be exactly 16 characters.*got 17/, code: 2 },
  { args: ['--sts-key', ''], why: /--sts-key must be exactly 16 characters.*got 0/, code: 2 },
  { args: ['--admin-access-key', 'AKONLY'], why: /--admin-access-key and --admin-secret-key go together/, code: 2 },
  { args: ['--bogus'], why: /bogus/, code: 2 },
  { args: ['--port', '70000'], why: /--port must be 0\.\.65535/, code: 2 },
  { args: ['--port', 'x'], why: /--port takes a whole number/, code: 2 },
  { args: ['--sts-min-session-duration', '5000', '--sts-max-session-duration', '4000'], why: /larger than/, code: 2 },
];

t.test('bad options: one line, non-zero exit, never listening', async (t) => {
  const busy = createServer();
  await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
  t.teardown(() => busy.close());
  const dir = t.testdir();
  const holder = await startCliGateway(['--port', '0', '--data-dir', dir]);
  t.teardown(() => holder.stop());
  const cases = [
    ...CASES.map((c) => ({ ...c, args: ['--port', '0', ...c.args] })),
    { args: ['--port', String((busy.address() as { port: number }).port)], why: /EADDRINUSE/, code: 1 },
    { args: ['--port', '0', '--data-dir', dir], why: new RegExp(`data directory is in use by process ${holder.child.pid}`), code: 1 },
  ];
  const results = await Promise.all(cases.map((c) => runCli(['gateway', ...c.args])));
  cases.forEach((c, i) => {
    const r = results[i]!;
    const name = c.args.join(' ');
    t.equal(r.code, c.code, `${name}: exit ${c.code}`);
    t.same(r.stderr.trimEnd().split('\n').length, 1, `${name}: one line: ${r.stderr.trimEnd()}`);
    t.match(r.stderr, c.why, `${name}: says why`);
    t.notOk(r.stdout.some((l) => l.startsWith('listening on')), `${name}: never listened`);
  });
});
