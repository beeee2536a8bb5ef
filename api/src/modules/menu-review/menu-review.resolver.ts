import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { MenuReview } from './menu-review.outputs';
import { menuReviewService } from './menu-review.service';

@Resolver()
export class MenuReviewResolver {
  @Query(() => MenuReview, {
    description: "功能迭代: a district's year of orders, ranked, with items proposed for the district menu",
  })
  menuReview(
    @Ctx() ctx: Context,
    @Arg('districtId', () => ID) districtId: string,
    @Arg('year', () => Int) year: number,
  ): Promise<MenuReview> {
    return menuReviewService.review(ctx, districtId, year);
  }
}
