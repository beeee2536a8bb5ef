import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Connection } from '../../common/connection';
import type { Context } from '../../context';
import { FileDownload } from '../menu-import/menu-import.types';
import { auditLogService } from './audit-log.service';
import { AuditEvent, AuditEventConnection, AuditEventFilter } from './audit-log.types';

@Resolver(() => AuditEvent)
export class AuditLogResolver {
  @Authorized()
  @Query(() => AuditEventConnection, {
    description: '审计日志: the district’s administrative acts, newest first (district admins)',
  })
  auditEvents(
    @Ctx() ctx: Context,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter?: AuditEventFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<AuditEvent>> {
    return auditLogService.list(ctx, filter, first, after);
  }

  @Authorized()
  @Query(() => FileDownload, {
    description:
      'the filtered audit log as an .xlsx workbook (district admins); the export is itself recorded',
  })
  exportAuditEvents(
    @Ctx() ctx: Context,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter?: AuditEventFilter | null,
  ): Promise<FileDownload> {
    return auditLogService.export(ctx, filter);
  }
}
