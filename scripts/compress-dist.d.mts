/** Types of compress-dist.mjs (a plain Node script, imported by web/vite.config.ts). */
export declare const COMPRESSIBLE: Set<string>;
export declare function compressDist(dir: string): Promise<{ files: number; raw: number; br: number; gzip: number }>;
