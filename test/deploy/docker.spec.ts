import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintDockerfile, lintDockerignore } from './dockerfile-lint.util';
import { repoRoot } from './manifest-loader.util';

const dockerfile = readFileSync(join(repoRoot, 'docker', 'Dockerfile'), 'utf8');
const entrypoint = join(repoRoot, 'docker', 'entrypoint.sh');
const IGNORED = ['node_modules', 'dist', 'data', '.engines', '.git', 'bench/results'];

describe('docker/Dockerfile', () => {
  it('follows the build rules', () => {
    expect(lintDockerfile(dockerfile)).toEqual([]);
  });

  const breakages: Array<[string, string, string]> = [
    ['runs as root', 'USER 1000:1000', 'USER root'],
    ['uses a latest base tag', 'node:20-bookworm-slim', 'node:latest'],
    ['has no ARG APP', '\nARG APP\n', '\n'],
    ['does not prune dev dependencies', 'npm prune --omit=dev', 'true'],
    ['does not copy the nlp model', 'COPY --from=prune /app/libs/triage/model ./libs/triage/model', ''],
    ['starts node without an init', '"/usr/bin/tini", "--", ', ''],
  ];
  it.each(breakages)('is rejected when it %s', (_, from, to) => {
    expect(dockerfile).toContain(from);
    expect(lintDockerfile(dockerfile.replace(from, to))).not.toEqual([]);
  });

  it('is rejected as a single stage', () => {
    const lastFrom = dockerfile.lastIndexOf('\nFROM ');
    expect(lintDockerfile(dockerfile.slice(lastFrom))).toContain('not a multi-stage build');
  });
});

describe('.dockerignore', () => {
  it('keeps dependencies, output, data and engines out of the build context', () => {
    expect(lintDockerignore(readFileSync(join(repoRoot, '.dockerignore'), 'utf8'), IGNORED)).toEqual([]);
  });

  it('is rejected when an entry is missing', () => {
    expect(lintDockerignore('node_modules\ndist\n', IGNORED)).toHaveLength(IGNORED.length - 2);
  });
});

describe('docker/entrypoint.sh', () => {
  let workdir: string;
  const run = (app: string | undefined, args: string[] = []) =>
    spawnSync('sh', [entrypoint, ...args], {
      cwd: workdir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, ...(app === undefined ? {} : { APP: app }) },
    });

  beforeAll(() => {
    workdir = mkdtempSync(join(tmpdir(), 'draftdesk-entrypoint-'));
    mkdirSync(join(workdir, 'dist/apps/review/src'), { recursive: true });
    writeFileSync(
      join(workdir, 'dist/apps/review/src/main.js'),
      'console.log(JSON.stringify({ main: require("path").relative(process.cwd(), __filename), args: process.argv.slice(2) }));',
    );
  });
  afterAll(() => rmSync(workdir, { recursive: true, force: true }));

  it('starts dist/apps/$APP/src/main.js with the extra arguments', () => {
    const result = run('review', ['--once']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ main: 'dist/apps/review/src/main.js', args: ['--once'] });
  });

  const refusals: Array<[string, string | undefined, number, RegExp]> = [
    ['APP is unset', undefined, 64, /APP is not set.*review/],
    ['APP is empty', '', 64, /APP is not set/],
    ['APP walks out of dist/apps', '../../etc', 64, /not a valid app name/],
    ['APP has no entry point', 'drafter', 66, /no entry point dist\/apps\/drafter\/src\/main.js/],
  ];
  it.each(refusals)('refuses to start when %s', (_, app, status, message) => {
    const result = run(app);
    expect(result.status).toBe(status);
    expect(result.stderr).toMatch(message);
  });
});
