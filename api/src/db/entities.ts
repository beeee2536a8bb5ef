// Every entity the data source knows. Modules add theirs here.
import { Center } from '../modules/places/center.entity';
import { Region } from '../modules/places/region.entity';
import { ServiceItem } from '../modules/services/service-item.entity';
import { ServiceOffering } from '../modules/services/service-offering.entity';
import { User } from '../modules/users/user.entity';

export const entities = [Region, Center, ServiceItem, ServiceOffering, User];
