import type { Outputs } from '../use-pipeline.js';

export type DealPageData = Outputs['deal']['get'];
