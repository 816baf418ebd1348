import { AuditExportSchema, AuditListSchema, auditFacets, exportAuditEvents, listAuditEvents } from '../data/audit.js';
import { roleProcedure, router } from '../trpc.js';

/** Read-only by design: there is no procedure that changes or deletes an audit event. */
const reviewerProcedure = roleProcedure('admin', 'government');

export const auditRouter = router({
  list: reviewerProcedure.input(AuditListSchema).query(({ ctx, input }) => listAuditEvents(ctx.db, input)),
  facets: reviewerProcedure.query(({ ctx }) => auditFacets(ctx.db)),
  /** The filtered trail as an XLSX or CSV file (base64) for an inspector. */
  export: reviewerProcedure.input(AuditExportSchema).query(({ ctx, input }) => exportAuditEvents(ctx.db, input, ctx.now())),
});
