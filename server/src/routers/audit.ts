import { AuditExportSchema, AuditListSchema, auditFacets, exportAuditEvents, listAuditEvents } from '../data/audit.js';
import { query } from '../data/ctx.js';
import { areaProcedure, router } from '../trpc.js';

/** Read-only by design: there is no procedure that changes or deletes an audit event. */
const reviewerProcedure = areaProcedure('audit');

export const auditRouter = router({
  list: reviewerProcedure.input(AuditListSchema).query(({ ctx, input }) => query(ctx, listAuditEvents, input)),
  facets: reviewerProcedure.query(({ ctx }) => query(ctx, auditFacets)),
  /** The filtered trail as an XLSX or CSV file (base64) for an inspector. */
  export: reviewerProcedure.input(AuditExportSchema).query(({ ctx, input }) => query(ctx, exportAuditEvents, input)),
});
