import 'reflect-metadata';
import { loadConfigOrExit } from '@draftdesk/config';
import { runMigrations } from '@draftdesk/database';
import { z } from 'zod';

/** `npm run migrate` and the Kubernetes migration Job: applies pending migrations under an advisory lock. */
const config = loadConfigOrExit('migrate', {
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
});
runMigrations({ url: config.DATABASE_URL, poolSize: 1, applicationName: 'draftdesk-migrate' }, (line) =>
  process.stdout.write(`migrate: ${line}\n`),
).then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`migrate: failed: ${error.message}\n`);
    process.exit(1);
  },
);
