import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Center } from '../places/center.entity';
import { User } from '../users/user.entity';
import { teamService } from './team.service';
import { DutyPair, DutyPerson, RotaEntry, RotaEntryInput, TeamMember, TeamMemberInput } from './team.types';

/** The team fields of Center live with the teams module. */
@Resolver(() => Center)
export class CenterTeamResolver {
  @FieldResolver(() => [DutyPerson], {
    description: 'who is on duty at the center today, by shift (name and role only; anyone may see it)',
  })
  dutyToday(@Ctx() ctx: Context, @Root() center: Center): Promise<DutyPerson[]> {
    return ctx.loaders.teams.dutyToday.load(center.id);
  }

  @FieldResolver(() => [TeamMember], {
    nullable: true,
    description: '3+X 运营专班: the team, for whoever manages the center; null for others',
  })
  team(@Ctx() ctx: Context, @Root() center: Center): Promise<TeamMember[] | null> {
    return teamService.members(ctx, center);
  }

  @FieldResolver(() => [DutyPair], {
    nullable: true,
    description: 'AB角: the duties with their A and B; null for others',
  })
  dutyPairs(@Ctx() ctx: Context, @Root() center: Center): Promise<DutyPair[] | null> {
    return teamService.pairs(ctx, center);
  }

  @FieldResolver(() => [RotaEntry], {
    nullable: true,
    description: 'the rota of the week of weekStart (YYYY-MM-DD); null for others',
  })
  rota(
    @Ctx() ctx: Context,
    @Root() center: Center,
    @Arg('weekStart', () => String) weekStart: string,
  ): Promise<RotaEntry[] | null> {
    return teamService.rota(ctx, center, weekStart);
  }
}

@Resolver(() => DutyPair)
export class DutyPairResolver {
  @FieldResolver(() => TeamMember)
  a(@Ctx() ctx: Context, @Root() p: DutyPair): Promise<TeamMember> {
    return ctx.loaders.teams.memberById.load(p.aMemberId) as Promise<TeamMember>;
  }

  @FieldResolver(() => TeamMember)
  b(@Ctx() ctx: Context, @Root() p: DutyPair): Promise<TeamMember> {
    return ctx.loaders.teams.memberById.load(p.bMemberId) as Promise<TeamMember>;
  }
}

@Resolver(() => RotaEntry)
export class RotaEntryResolver {
  @FieldResolver(() => TeamMember)
  a(@Ctx() ctx: Context, @Root() e: RotaEntry): Promise<TeamMember> {
    return ctx.loaders.teams.memberById.load(e.aMemberId) as Promise<TeamMember>;
  }

  @FieldResolver(() => TeamMember)
  b(@Ctx() ctx: Context, @Root() e: RotaEntry): Promise<TeamMember> {
    return ctx.loaders.teams.memberById.load(e.bMemberId) as Promise<TeamMember>;
  }

  @FieldResolver(() => TeamMember, { description: 'who is on duty: A, or B when A is marked absent' })
  onDuty(@Ctx() ctx: Context, @Root() e: RotaEntry): Promise<TeamMember> {
    return ctx.loaders.teams.memberById.load(e.aAbsent ? e.bMemberId : e.aMemberId) as Promise<TeamMember>;
  }
}

@Resolver(() => TeamMember)
export class TeamMemberResolver {
  @Authorized()
  @Mutation(() => TeamMember, {
    description: 'adds an account or a named person (e.g. a volunteer) to a center’s team',
  })
  addTeamMember(
    @Ctx() ctx: Context,
    @Arg('centerId', () => ID) centerId: string,
    @Arg('input', () => TeamMemberInput) input: TeamMemberInput,
  ): Promise<TeamMember> {
    return teamService.addMember(ctx, centerId, input);
  }

  @Authorized()
  @Mutation(() => TeamMember)
  updateTeamMember(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => TeamMemberInput) input: TeamMemberInput,
  ): Promise<TeamMember> {
    return teamService.updateMember(ctx, id, input);
  }

  @Authorized()
  @Mutation(() => DutyPair, { description: 'AB角: sets the A and B of a duty of a center' })
  setDutyPair(
    @Ctx() ctx: Context,
    @Arg('centerId', () => ID) centerId: string,
    @Arg('duty', () => String) duty: string,
    @Arg('aMemberId', () => ID) aMemberId: string,
    @Arg('bMemberId', () => ID) bMemberId: string,
  ): Promise<DutyPair> {
    return teamService.setPair(ctx, centerId, duty, aMemberId, bMemberId);
  }

  @Authorized()
  @Mutation(() => RotaEntry, {
    description:
      'puts a duty on the rota for a day and shift; CONFLICT when its A or B is on another center’s rota then',
  })
  setRotaEntry(
    @Ctx() ctx: Context,
    @Arg('input', () => RotaEntryInput) input: RotaEntryInput,
  ): Promise<RotaEntry> {
    return teamService.setEntry(ctx, input);
  }

  @Authorized()
  @Mutation(() => Boolean)
  removeRotaEntry(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<boolean> {
    return teamService.removeEntry(ctx, id);
  }

  @Authorized()
  @Mutation(() => RotaEntry, {
    description: 'marks the A of a rota entry absent (B is on duty), or present again',
  })
  setRotaAbsence(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('aAbsent', () => Boolean) aAbsent: boolean,
  ): Promise<RotaEntry> {
    return teamService.setAbsent(ctx, id, aAbsent);
  }
}

/** The center of a center-staff account (for the team page to open on it). */
@Resolver(() => User)
export class UserCenterResolver {
  @FieldResolver(() => Center, { nullable: true, description: 'center staff: their center' })
  center(@Ctx() ctx: Context, @Root() user: User): Promise<Center | null> {
    return user.centerId === null || user.centerId === undefined
      ? Promise.resolve(null)
      : ctx.loaders.places.centerById.load(user.centerId);
  }
}
