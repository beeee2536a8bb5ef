import { connectionTypes } from '../../../common/connection';
import { ServiceItem } from '../service-item.entity';

export const { EdgeType: ServiceItemEdge, ConnectionType: ServiceItemConnection } = connectionTypes(
  ServiceItem,
  'ServiceItem',
);
