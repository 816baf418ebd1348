export interface FoundChromium {
  executablePath: string;
  /** Environment the binary needs (the packaged one: LD_LIBRARY_PATH to its own NSS libraries). */
  env: Record<string, string>;
  source: string;
}
export function ensureChromium(options?: { log?: (line: string) => void }): FoundChromium;
