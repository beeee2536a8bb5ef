// 三会: recording hearings, coordination and review meetings of a project, announcing the next one,
// and the files attached to them. A meeting may move the project (MEETING_OPENS_PHASE; a hearing
// that rejects ends it) in the same transaction as the record.
import {
  ATTACHMENT_MAX_BYTES,
  LONG_TEXT_MAX_LENGTH,
  MEETING_OPENS_PHASE,
  MEETING_WINDOWS,
  TITLE_MAX_LENGTH,
} from '@lc/domain';
import { requireViewer } from '../../auth/policy';
import { FieldErrors, notFound } from '../../common/app-error';
import { parseId } from '../../common/connection';
import { fileStorage } from '../../common/file-storage';
import { hydrate } from '../../common/hydrate';
import { receiveUpload, storeUpload } from '../../common/upload';
import type { FileUpload } from 'graphql-upload-minimal';
import type { Context } from '../../context';
import type { PlanMeetingInput, RecordMeetingInput } from './dto/project.inputs';
import { Meeting, MeetingAttachment, Project } from './project.entity';
import { addProjectEvent, lockProjectForChange, moveProject, visibleProject } from './project.service';

const REPRESENTATIVES_MAX = 50;
const MIME_BY_EXT: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain',
};

function checkMeeting(input: RecordMeetingInput): void {
  const e = new FieldErrors();
  const count = (v: number | null | undefined) =>
    v === null || v === undefined || (Number.isInteger(v) && v >= 0);
  e.check(
    Number.isInteger(input.attendees) && input.attendees >= 0,
    'input.attendees',
    '参会人数须为非负整数 / attendees must be 0 or more',
  );
  e.check(input.minutes.trim().length > 0, 'input.minutes', '请填写会议纪要 / minutes are required');
  e.check(input.minutes.length <= LONG_TEXT_MAX_LENGTH, 'input.minutes', '会议纪要过长 / minutes too long');
  e.check(input.resolution.trim().length > 0, 'input.resolution', '请填写决议 / the resolution is required');
  e.check(
    input.resolution.length <= LONG_TEXT_MAX_LENGTH,
    'input.resolution',
    '决议过长 / resolution too long',
  );
  e.check((input.place ?? '').length <= TITLE_MAX_LENGTH, 'input.place', '地点过长 / place too long');
  e.check(Number.isFinite(input.heldAt.getTime()), 'input.heldAt', '会议时间无效 / invalid date');
  for (const f of ['votesFor', 'votesAgainst', 'votesAbstain'] as const) {
    e.check(count(input[f]), `input.${f}`, '票数须为非负整数 / votes must be 0 or more');
  }
  const votes = (input.votesFor ?? 0) + (input.votesAgainst ?? 0) + (input.votesAbstain ?? 0);
  e.check(votes <= input.attendees, 'input.votesFor', '票数合计不能超过参会人数 / more votes than attendees');
  const reps = input.representatives ?? [];
  e.check(
    reps.length <= REPRESENTATIVES_MAX,
    'input.representatives',
    '居民代表过多 / too many representatives',
  );
  e.check(
    reps.every((r) => r.trim().length > 0 && r.length <= 40),
    'input.representatives',
    '居民代表姓名无效 / invalid representative name',
  );
  if (input.kind === 'HEARING' && input.votesFor != null && input.votesAgainst != null) {
    // a hearing's outcome must agree with its vote when both are given
    const carried = input.votesFor > input.votesAgainst;
    if (input.outcome === 'APPROVED' && !carried)
      e.add('input.outcome', '表决未过半，不能记为通过 / the vote did not carry');
    if (input.outcome === 'REJECTED' && carried)
      e.add('input.outcome', '表决已通过，不能记为否决 / the vote carried');
  }
  e.throwIfAny();
}

export const meetingService = {
  async record(ctx: Context, input: RecordMeetingInput): Promise<Meeting> {
    const viewer = requireViewer(ctx.viewer);
    checkMeeting(input);
    return ctx.db.transaction(async (em) => {
      let project = await lockProjectForChange(ctx, em, input.projectId);
      if (!MEETING_WINDOWS[input.kind].includes(project.status)) {
        new FieldErrors()
          .add(
            'input.kind',
            `项目处于 ${project.status} 阶段，不能召开该会议 / this meeting does not fit the project's stage`,
          )
          .throwIfAny();
      }
      const [row] = await em.query(
        `INSERT INTO meeting (project_id, kind, held_at, place, attendees, representatives, minutes, outcome, resolution,
                              votes_for, votes_against, votes_abstain, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING *`,
        [
          project.id,
          input.kind,
          input.heldAt,
          input.place?.trim() || null,
          input.attendees,
          (input.representatives ?? []).map((r) => r.trim()),
          input.minutes.trim(),
          input.outcome,
          input.resolution.trim(),
          input.votesFor ?? null,
          input.votesAgainst ?? null,
          input.votesAbstain ?? null,
          viewer.userId,
        ],
      );
      const meeting = hydrate(em.getRepository(Meeting), row);
      await addProjectEvent(em, viewer, project.id, {
        kind: 'MEETING',
        meetingId: meeting.id,
        note: meeting.resolution,
      });
      const opens = MEETING_OPENS_PHASE[input.kind];
      if (opens && opens.from === project.status) {
        project = await moveProject(
          em,
          viewer,
          project,
          opens.to,
          '随会议进入该阶段 / opened by the meeting',
        );
      }
      if (input.kind === 'HEARING' && input.outcome === 'REJECTED') {
        await moveProject(em, viewer, project, 'REJECTED', '听证会否决 / rejected by the hearing');
      } else if (project.nextMeetingKind === input.kind) {
        await em.query(
          `UPDATE project SET next_meeting_kind = NULL, next_meeting_at = NULL, next_meeting_place = NULL WHERE id = $1`,
          [project.id],
        );
      }
      return meeting;
    });
  },

  async plan(ctx: Context, input: PlanMeetingInput): Promise<Project> {
    const viewer = requireViewer(ctx.viewer);
    const e = new FieldErrors();
    e.check(Number.isFinite(input.at.getTime()), 'input.at', '会议时间无效 / invalid date');
    e.check((input.place ?? '').length <= TITLE_MAX_LENGTH, 'input.place', '地点过长 / place too long');
    e.throwIfAny();
    return ctx.db.transaction(async (em) => {
      const project = await lockProjectForChange(ctx, em, input.projectId);
      if (
        !MEETING_WINDOWS[input.kind].includes(project.status) &&
        !(input.kind === 'REVIEW' && project.status === 'APPROVED')
      ) {
        new FieldErrors()
          .add('input.kind', "该会议不适合项目当前阶段 / this meeting does not fit the project's stage")
          .throwIfAny();
      }
      const [[row]]: [Record<string, unknown>[], number] = await em.query(
        `UPDATE project SET next_meeting_kind = $2, next_meeting_at = $3, next_meeting_place = $4, updated_at = now()
         WHERE id = $1 RETURNING *`,
        [project.id, input.kind, input.at, input.place?.trim() || null],
      );
      await addProjectEvent(em, viewer, project.id, {
        kind: 'MEETING',
        note: `预告：${input.kind} ${input.at.toISOString()} / announced`,
      });
      return hydrate(em.getRepository(Project), row);
    });
  },

  /** Stores a file for a meeting; the same content twice gives the same attachment. */
  async attach(ctx: Context, meetingId: string, upload: Promise<FileUpload>): Promise<MeetingAttachment> {
    const viewer = requireViewer(ctx.viewer);
    const mid = parseId(meetingId);
    const meeting = mid === null ? null : await ctx.loaders.projects.meetingById.load(mid);
    if (!meeting) throw notFound('meeting');
    const file = await receiveUpload(upload, {
      mimeByExt: MIME_BY_EXT,
      maxBytes: ATTACHMENT_MAX_BYTES,
      tooLarge: '文件不能超过10MB / the file must be at most 10 MB',
    });
    return ctx.db.transaction(async (em) => {
      await lockProjectForChange(ctx, em, meeting.projectId);
      const repo = em.getRepository(MeetingAttachment);
      const same = await repo.findOneBy({ meetingId: meeting.id, sha256: file.sha256 });
      if (same) return same;
      const storageKey = await storeUpload(`meetings/${meeting.id}`, file);
      const [row] = await em.query(
        `INSERT INTO meeting_attachment (meeting_id, file_name, mime_type, size_bytes, storage_key, sha256, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [meeting.id, file.name, file.mimeType, file.data.length, storageKey, file.sha256, viewer.userId],
      );
      return hydrate(repo, row);
    });
  },

  async download(
    ctx: Context,
    attachmentId: string,
  ): Promise<{ fileName: string; mimeType: string; contentBase64: string }> {
    const aid = parseId(attachmentId);
    const attachment =
      aid === null ? null : await ctx.db.getRepository(MeetingAttachment).findOneBy({ id: aid });
    if (!attachment) throw notFound('attachment');
    const meeting = await ctx.loaders.projects.meetingById.load(attachment.meetingId);
    await visibleProject(ctx, meeting!.projectId);
    const data = await fileStorage().get(attachment.storageKey);
    return {
      fileName: attachment.fileName,
      mimeType: attachment.mimeType,
      contentBase64: data.toString('base64'),
    };
  },
};
