import { Center, Loader, MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { invoke } from './api';
import { SessionContext, useAppPhase, type Session } from './appState';
import { ErrorBoundary } from './components/ErrorBoundary';
import { FullPageMessage } from './components/FullPageMessage';
import { notifyError } from './components/notify';
import { AppLayout } from './layout/AppLayout';
import { SetupWizard } from './pages/setup/SetupWizard';
import { SignIn } from './pages/setup/SignIn';
import { theme } from './theme';

export function App() {
  return (
    <MantineProvider theme={theme}>
      <ModalsProvider labels={{ confirm: '确定', cancel: '取消' }}>
        {/* A toast is for the screen: printed, it would cover the form. */}
        <Notifications position="bottom-right" className="no-print" />
        <ErrorBoundary scope="app">
          <Screens />
        </ErrorBoundary>
      </ModalsProvider>
    </MantineProvider>
  );
}

function Screens() {
  const { phase, refresh } = useAppPhase();
  const [epoch, setEpoch] = useState(0);

  const session = useMemo<Session | null>(() => {
    if (phase.name !== 'ready') return null;
    return {
      installation: phase.installation,
      operator: phase.operator,
      reloadAll: async () => {
        await refresh();
        setEpoch((n) => n + 1);
      },
      signOut: async () => {
        try {
          await invoke('session.signOut', {});
        } catch (error) {
          notifyError(error, '退出登录失败');
        }
        await refresh();
      },
    };
  }, [phase, refresh]);

  switch (phase.name) {
    case 'loading':
      return (
        <Center h="100dvh">
          <Loader aria-label="正在加载" />
        </Center>
      );
    case 'forbidden':
      return (
        <FullPageMessage title="无法访问：缺少访问令牌">
          为了防止其他网页读取本机数据，绩效程序每次启动都会生成新的访问令牌。请关闭本页，复制启动窗口中打印的完整网址重新打开（网址末尾以“#token=”开头的一段不能省略）。
        </FullPageMessage>
      );
    case 'unreachable':
      return (
        <FullPageMessage title="无法连接到绩效程序" onRetry={refresh}>
          {phase.message}
        </FullPageMessage>
      );
    case 'setup':
      return <SetupWizard onDone={refresh} />;
    case 'signIn':
      return <SignIn installation={phase.installation} operators={phase.operators} onSignedIn={refresh} />;
    case 'ready':
      return (
        <SessionContext.Provider value={session}>
          <AppLayout key={epoch} />
        </SessionContext.Provider>
      );
  }
}
