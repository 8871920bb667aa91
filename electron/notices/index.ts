// The 上级通知 workflow's public entry: how many notices from above a county has not read (its 首页).
export { unreadNotices } from './notices';
