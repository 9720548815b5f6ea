import { Finding, findingsOf } from './finding';

interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

interface Stage {
  from: Instruction;
  name?: string;
  instructions: Instruction[];
}

/**
 * The basics of a production Dockerfile: every base image pinned (a version tag other than latest, or a
 * digest; ARG defaults are followed), and a final stage that runs as a non-root USER and has a HEALTHCHECK.
 */
export function lintDockerfile(text: string, source: string): Finding[] {
  const { list, found } = findingsOf(source);
  const instructions = parseInstructions(text);
  const globalArgs = new Map<string, string | undefined>();
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [, name] = /\s+AS\s+(\S+)\s*$/i.exec(instruction.args) ?? [];
      stages.push({ from: instruction, name: name?.toLowerCase(), instructions: [] });
    } else if (stages.length === 0 && instruction.keyword === 'ARG') {
      const [name, value] = splitArg(instruction.args);
      globalArgs.set(name, value);
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  if (stages.length === 0) {
    found('FROM', 'has no FROM instruction');
    return list;
  }

  const stageNames = new Set<string>();
  for (const stage of stages) {
    const problem = checkBaseImage(stage.from.args, globalArgs, stageNames);
    if (problem) found(`line ${stage.from.line} FROM`, problem);
    if (stage.name) stageNames.add(stage.name);
  }

  const final = stages[stages.length - 1];
  const user = final.instructions.filter((i) => i.keyword === 'USER').at(-1);
  if (!user) found('final stage', 'has no USER: the container would run as root');
  else if (/^(root|0)(:|$)/.test(user.args.trim()))
    found(`line ${user.line} USER`, `the final stage runs as ${user.args.trim()}`);
  const healthcheck = final.instructions.filter((i) => i.keyword === 'HEALTHCHECK').at(-1);
  if (!healthcheck) found('final stage', 'has no HEALTHCHECK');
  else if (/^NONE\b/i.test(healthcheck.args.trim())) found(`line ${healthcheck.line} HEALTHCHECK`, 'turns the health check off');
  return list;
}

function checkBaseImage(args: string, globalArgs: Map<string, string | undefined>, stageNames: Set<string>): string | undefined {
  const reference = args
    .split(/\s+/)
    .filter((part) => !part.startsWith('--'))
    .at(0);
  if (!reference) return 'names no image';
  if (stageNames.has(reference.toLowerCase())) return undefined;
  let unresolved: string | undefined;
  const image = reference.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, name: string) => {
    const value = globalArgs.get(name);
    if (value === undefined) unresolved = name;
    return value ?? '';
  });
  if (unresolved) return `${reference}: ARG ${unresolved} has no default before the first FROM, so the base image is not pinned`;
  if (image === 'scratch') return undefined;
  if (/@sha256:[0-9a-f]{64}$/.test(image)) return undefined;
  const lastPart = image.slice(image.lastIndexOf('/') + 1);
  const tag = lastPart.includes(':') ? lastPart.slice(lastPart.indexOf(':') + 1) : undefined;
  if (!tag) return `${image} has no tag: pin a version (or a digest)`;
  if (tag === 'latest') return `${image} uses the tag latest: pin a version (or a digest)`;
  return undefined;
}

/** Instructions with line continuations joined and comments dropped; `line` is where each starts. */
function parseInstructions(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let pending: { text: string; line: number } | null = null;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    // Comments and blank lines may sit inside a continued instruction too; neither ends it.
    if (line.startsWith('#') || line === '') return;
    const continued = line.endsWith('\\');
    const part = continued ? line.slice(0, -1) : line;
    pending = pending ? { text: `${pending.text} ${part}`, line: pending.line } : { text: part, line: index + 1 };
    if (continued) return;
    const [, keyword, args] = /^(\S+)\s*([\s\S]*)$/.exec(pending.text.trim()) ?? [];
    if (keyword) instructions.push({ keyword: keyword.toUpperCase(), args: args ?? '', line: pending.line });
    pending = null;
  });
  return instructions;
}

function splitArg(args: string): [string, string | undefined] {
  const [name, ...value] = args.trim().split('=');
  return [name, value.length > 0 ? value.join('=').replace(/^["']|["']$/g, '') : undefined];
}
