import 'reflect-metadata';
import { databaseConfigShape, loadConfigOrExit } from '@draftdesk/config';
import { runMigrations } from '@draftdesk/database';

/** `npm run migrate` and the Kubernetes migration Job: applies pending migrations under an advisory lock. */
const config = loadConfigOrExit('migrate', databaseConfigShape);
runMigrations({ url: config.DATABASE_URL, poolSize: 1, applicationName: 'draftdesk-migrate' }, (line) =>
  process.stdout.write(`migrate: ${line}\n`),
).then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`migrate: failed: ${error.message}\n`);
    process.exit(1);
  },
);
