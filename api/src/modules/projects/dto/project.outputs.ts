import { connectionTypes } from '../../../common/connection';
import { Project } from '../project.entity';

export const { EdgeType: ProjectEdge, ConnectionType: ProjectConnection } = connectionTypes(
  Project,
  'Project',
);
