#!/usr/bin/env node
// Runs the compiled CLI (built by `npm run build`, which `npm ci` runs through `prepare`).
// The AWS SDK warns on every run that Node 20 support is ending; that says nothing about the target under test.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { main } = await import('../dist/reference/cli.js');

process.exitCode = await main(process.argv.slice(2));
