export interface Instruction {
  keyword: string;
  args: string;
}

export interface Stage {
  image: string;
  name?: string;
  instructions: Instruction[];
}

/** Splits a Dockerfile into instructions (joining `\` continuations, dropping comments) and stages. */
export function parseDockerfile(text: string): { globalArgs: Record<string, string>; stages: Stage[] } {
  const logical = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const line of logical) {
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(line)!;
    const instruction = { keyword: keyword.toUpperCase(), args };
    if (instruction.keyword === 'FROM') {
      const [image, as, name] = args.replace(/--platform=\S+\s+/, '').split(/\s+/);
      stages.push({ image, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else if (stages.length === 0 && instruction.keyword === 'ARG') {
      const [key, value = ''] = args.split('=');
      globalArgs[key] = value;
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return { globalArgs, stages };
}

const substitute = (image: string, args: Record<string, string>) =>
  image.replace(/\$\{?(\w+)\}?/g, (_, name: string) => args[name] ?? '');

/** The brief's rules for docker/Dockerfile; returns the ones broken. */
export function lintDockerfile(text: string): string[] {
  const { globalArgs, stages } = parseDockerfile(text);
  const problems: string[] = [];
  if (stages.length < 2) problems.push('not a multi-stage build');
  const stageNames = stages.map((s) => s.name);
  for (const stage of stages) {
    const image = substitute(stage.image, globalArgs);
    if (stageNames.includes(image)) continue;
    const tag = /^[^@]+:([^/:@]+)$/.exec(image)?.[1];
    if (!image.includes('@sha256:') && (!tag || tag === 'latest'))
      problems.push(`base image ${image} has no fixed tag`);
    if (!image.includes('@sha256:') && !/^node:20[.-]/.test(image)) problems.push(`base image ${image} is not Node 20`);
    if (!image.includes('bookworm-slim')) problems.push(`base image ${image} is not bookworm-slim`);
  }
  const runs = stages.flatMap((s) => s.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args));
  for (const command of ['npm ci', 'npm run build', 'npm prune --omit=dev']) {
    if (!runs.some((run) => run.includes(command))) problems.push(`no stage runs ${command}`);
  }
  const final = stages.at(-1);
  if (!final) return [...problems, 'no FROM'];
  const has = (keyword: string, pattern: RegExp) =>
    final.instructions.some((i) => i.keyword === keyword && pattern.test(i.args));
  if (!has('ARG', /^APP\b/)) problems.push('the runtime stage does not declare ARG APP');
  const user = final.instructions
    .filter((i) => i.keyword === 'USER')
    .at(-1)
    ?.args.split(':')[0];
  if (!user || user === 'root' || user === '0') problems.push(`the runtime stage runs as ${user ?? 'root'}`);
  if (!has('ENV', /\bNODE_ENV=production\b/)) problems.push('the runtime stage does not set NODE_ENV=production');
  for (const path of ['dist', 'node_modules', 'package.json', 'samples', 'libs/triage/model']) {
    const copied = new RegExp(`--from=\\S+\\s+\\S*/${path.replace('/', '\\/')}\\s`);
    if (!has('COPY', copied)) problems.push(`the runtime stage does not copy ${path} from a build stage`);
  }
  const start = final.instructions
    .filter((i) => ['ENTRYPOINT', 'CMD'].includes(i.keyword))
    .map((i) => i.args)
    .join(' ');
  if (!/tini|dumb-init|--init/.test(start)) problems.push('no init process forwards signals to node');
  if (!/entrypoint|dist\/apps\/\$\{?APP/.test(start)) problems.push('the start command does not select the app by APP');
  return problems;
}

export function lintDockerignore(text: string, required: string[]): string[] {
  const entries = new Set(text.split(/\r?\n/).map((line) => line.trim().replace(/^\/|\/$/g, '')));
  return required.filter((entry) => !entries.has(entry)).map((entry) => `.dockerignore does not exclude ${entry}`);
}
