// Who is on the other side of a package. A county reports to its prefecture and a budget unit to its
// county; replies go back down to one county or one unit (whose peer id is county/unit, e.g. 652822/101001).
import type { InstallationRole } from '../../../../electron/domain/registry';

/** The receiver of a reply package, and the channel parameter that names it. */
export interface ReplyPeer {
  via: 'county' | 'unit';
  code: string;
  name: string;
}

/** The export channels' optional receiver: none for a report upwards. */
export const replyInput = (peer: ReplyPeer | undefined): { county?: string; unit?: string } =>
  !peer ? {} : peer.via === 'unit' ? { unit: peer.code } : { county: peer.code };

/** Where this installation's reports go. */
export const PARENT_NAMES: Record<Exclude<InstallationRole, 'prefecture'>, string> = { county: '州财政局', unit: '县财政局' };

export const isUnitPeer = (peerId: string): boolean => peerId.includes('/');

/** "652822/101001" → "101001". */
export const unitCodeOf = (peerId: string): string => peerId.slice(peerId.indexOf('/') + 1);
