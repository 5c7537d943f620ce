// Runs the CLI from source, the way bin/rgw-conformance.js runs the compiled one: `node --import tsx
// reference/cli-main.ts gateway --port 0`. The test suites spawn this so they never exercise a stale dist/.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { main } = await import('./cli.js');

process.exitCode = await main(process.argv.slice(2));
