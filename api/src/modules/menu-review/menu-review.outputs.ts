import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { ServiceMenu } from '@lc/domain';
import { Region } from '../places/region.entity';
import { ServiceItem, ServiceMenuEnum } from '../services/service-item.entity';

@ObjectType({ description: "one item's year: orders, residents, deliveries and ratings" })
export class MenuReviewItem {
  @Field(() => Int, { description: '1 = most ordered' })
  rank: number;

  @Field(() => ServiceItem)
  service: ServiceItem;

  @Field(() => ServiceMenuEnum, { description: 'the menu the item is on now' })
  menu: ServiceMenu;

  @Field(() => Int)
  orders: number;

  @Field(() => Int, { description: 'distinct residents who ordered' })
  residents: number;

  @Field(() => Int, { description: 'orders delivered (rated or not)' })
  deliveries: number;

  @Field(() => Int)
  ratings: number;

  @Field(() => Float, { nullable: true, description: 'average rating 1–5; null when nobody rated' })
  averageRating: number | null;

  @Field({ description: 'why the item is proposed for the district menu (empty when it is not)' })
  proposalReason: string;
}

@ObjectType({ description: "功能迭代: the yearly review of a district's menus" })
export class MenuReview {
  @Field(() => Region)
  district: Region;

  @Field(() => Int)
  year: number;

  @Field(() => Int)
  totalOrders: number;

  @Field(() => Int)
  totalResidents: number;

  @Field(() => Int)
  totalDeliveries: number;

  @Field(() => Float, { nullable: true })
  averageRating: number | null;

  @Field(() => [MenuReviewItem], { description: 'items with orders in the year, most ordered first' })
  items: MenuReviewItem[];

  @Field(() => [MenuReviewItem], {
    description: 'most-wanted mobile and featured items the district menu lacks: proposed for promotion',
  })
  proposals: MenuReviewItem[];

  @Field(() => Int, { description: 'mobile and featured items of the district nobody ordered in the year' })
  unorderedItems: number;
}
