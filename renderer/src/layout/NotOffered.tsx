import { Button } from '@mantine/core';
import { WORKFLOW_INSTALLATIONS } from '../../../electron/domain/permissions';
import { ROLE_LABELS, type InstallationRole } from '../../../electron/domain/registry';
import { EmptyNotice } from '../components/EmptyNotice';
import { PageHeader } from '../components/PageHeader';
import { routeHref } from '../router';
import type { Workflow } from './navigation';

/** An address (a bookmark, a link from another installation) to a page this installation does not offer. */
export function NotOffered({ workflow, role }: { workflow: Workflow; role: InstallationRole }) {
  // A prefecture's own pages across its counties (PREFECTURE_PAGES) are no workflow of the table.
  const installedAt: readonly InstallationRole[] = (WORKFLOW_INSTALLATIONS as Partial<Record<string, readonly InstallationRole[]>>)[workflow.path] ?? ['prefecture'];
  const users = installedAt.map((user) => ROLE_LABELS[user]).join('、');
  return (
    <>
      <PageHeader title={workflow.label} />
      <EmptyNotice
        title={`本机不提供“${workflow.label}”页面`}
        description={`本机是${ROLE_LABELS[role]}；“${workflow.label}”在${users}办理。本机可用的功能见左侧导航。`}
      >
        <Button component="a" href={routeHref('')} variant="default">
          返回首页
        </Button>
      </EmptyNotice>
    </>
  );
}
