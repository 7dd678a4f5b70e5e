/** A command line run under `taskset -c cpus` (a list such as "0" or "1-3"), or as it is without cpus: for benches that give a process a core of its own. */
export function pinToCpus(command: readonly string[], cpus: string | undefined): string[] {
  return cpus === undefined ? [...command] : ["taskset", "-c", cpus, ...command];
}
