// Handlers of the 上级通知 channels.
import { actorIn as actor, dbOf as db } from '../ipc/callContext';
import type { HandlersFor } from '../ipc/router';
import type { noticesContract } from './contract';
import { issuedNotices, issueNotice, markNoticeRead, noticeFile, noticesFromAbove, unreadNotices } from './notices';

export const noticesHandlers: HandlersFor<typeof noticesContract> = {
  'notices.issue': (input, ctx) => issueNotice(db(ctx), actor(ctx), input),
  'notices.issued': (input, ctx) => issuedNotices(db(ctx), input.year),
  'notices.fromAbove': (input, ctx) => noticesFromAbove(db(ctx), input.year),
  'notices.unread': (_input, ctx) => unreadNotices(db(ctx)),
  'notices.markRead': (input, ctx) => markNoticeRead(db(ctx), actor(ctx), input),
  'notices.file': (input, ctx) => noticeFile(db(ctx), input.attachmentId),
};
