// 整改通知书: the notice as the official document the bureau prints, signs and stamps.
import dayjs from 'dayjs';
import type { NoticeDetail } from '../../../../electron/rectification/contract';
import { useSession } from '../../appState';
import classes from './print.module.css';

export function NoticeDocument({ detail }: { detail: NoticeDetail }) {
  const { installation } = useSession();
  const { notice } = detail;
  const issuer = `${installation.region.name}财政局`;
  const issuedOn = notice.issuedAt ? dayjs(notice.issuedAt).format('YYYY年M月D日') : '（尚未下达）';
  return (
    <article className={classes.document} aria-hidden>
      <h1 className={classes.title}>整改通知书</h1>
      <p className={classes.number}>{notice.number}</p>
      <p>{notice.unitName}：</p>
      <p className={classes.paragraph}>{`在${notice.sourceLabel || '绩效管理工作'}中，发现你单位存在以下问题：`}</p>
      {notice.problems.split('\n').filter((line) => line.trim() !== '').map((line, i) => (
        <p key={i} className={classes.paragraph}>
          {line}
        </p>
      ))}
      {notice.requirements && <p className={classes.paragraph}>{`整改要求：${notice.requirements}`}</p>}
      {notice.departmentRequirements && <p className={classes.paragraph}>{`主管部门（${detail.departmentName ?? notice.departmentCode}）要求：${notice.departmentRequirements}`}</p>}
      <p className={classes.paragraph}>{`请于 ${dayjs(notice.deadline).format('YYYY年M月D日')} 前完成整改，并将整改情况及佐证材料${detail.departmentName ? `经${detail.departmentName}` : ''}报送${issuer}。逾期未整改或整改不到位的，将按规定予以问责。`}</p>
      <div className={classes.signature}>
        <div>{issuer}</div>
        <div>{issuedOn}</div>
      </div>
    </article>
  );
}
