import { connectionTypes } from '../../common/connection';
import { ChangeLogEntry } from './change-log.entity';

export const { EdgeType: ChangeLogEdge, ConnectionType: ChangeLogConnection } = connectionTypes(
  ChangeLogEntry,
  'ChangeLog',
);
