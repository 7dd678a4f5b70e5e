/**
 * Model commands: npm run ml -- <command> [options]. To add a command, add an entry to COMMANDS.
 * Exit codes: 0 done, 1 the command failed, 2 unknown command.
 */
import { CLV_FIT_DESCRIPTION, CLV_FIT_USAGE, runClvFit } from "./clvFit";
import { REPORT_DESCRIPTION, REPORT_USAGE, runReport } from "./mlReport";

interface Command {
  usage: string;
  description: string;
  run(argv: string[]): Promise<void>;
}

const COMMANDS: Record<string, Command> = {
  report: { usage: REPORT_USAGE, description: REPORT_DESCRIPTION, run: runReport },
  "clv-fit": { usage: CLV_FIT_USAGE, description: CLV_FIT_DESCRIPTION, run: runClvFit },
};

function usage(): string {
  const lines = Object.values(COMMANDS).map((command) => `  ${command.usage.padEnd(32)} ${command.description}`);
  return ["usage: npm run ml -- <command> [options]", "commands:", ...lines].join("\n");
}

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (name === "--help" || name === "help") {
    console.log(usage());
    return;
  }
  const command = name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    console.error(name === undefined ? "ml: no command given" : `ml: unknown command "${name}"`);
    console.error(usage());
    process.exit(2);
  }
  try {
    await command.run(rest);
  } catch (error) {
    console.error(`ml ${name}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

await main(process.argv.slice(2));
