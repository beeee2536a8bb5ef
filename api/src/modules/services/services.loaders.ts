import { In, type DataSource } from 'typeorm';
import { manyLoader, oneLoader } from '../../common/loader';
import { ServiceItem } from './service-item.entity';
import { ServiceOffering } from './service-offering.entity';

export function createServicesLoaders(db: DataSource) {
  const items = db.getRepository(ServiceItem);
  const offerings = db.getRepository(ServiceOffering);
  return {
    serviceById: oneLoader<number, ServiceItem>(
      (ids) => items.find({ where: { id: In([...ids]) } }),
      (s) => s.id,
    ),
    offeringsByCenter: manyLoader<number, ServiceOffering>(
      (ids) => offerings.find({ where: { centerId: In([...ids]) }, order: { id: 'ASC' } }),
      (o) => o.centerId,
    ),
    offeringsByService: manyLoader<number, ServiceOffering>(
      (ids) => offerings.find({ where: { serviceId: In([...ids]) }, order: { id: 'ASC' } }),
      (o) => o.serviceId,
    ),
  };
}

export type ServicesLoaders = ReturnType<typeof createServicesLoaders>;
