// A render error replaces only what failed with a message that says what to do, never a blank window.
// The forms keep their drafts (unsavedWork.tsx), so reloading loses nothing that was typed.
import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** A new value (the route) clears the error, so leaving the broken page by the sidebar works. */
  resetKey?: string;
  /** Whether the sidebar is still there to use (page) or the whole app failed (root). */
  scope: 'page' | 'app';
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null; resetKey?: string }> {
  override state: { error: Error | null; resetKey?: string } = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: { error: Error | null; resetKey?: string }) {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('页面出现错误', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <Alert color="red" title="页面出现错误" role="alert" aria-label="页面出现错误" maw={720} m={this.props.scope === 'app' ? 'xl' : undefined}>
        <Stack gap="sm">
          <Text size="sm">
            这一页在显示时出错，没有完成。已填写的内容已保存为草稿：请点“重新加载此页”，表单打开后选择“恢复未保存的内容”即可继续填写。
            {this.props.scope === 'page' ? '也可以从左侧导航进入其他功能。' : ''}如果重新加载后仍然出错，请返回首页，并把下面的错误信息告诉系统管理员。
          </Text>
          <Code block>{error.message}</Code>
          <Group gap="xs">
            <Button onClick={() => window.location.reload()}>重新加载此页</Button>
            <Button
              variant="default"
              onClick={() => {
                window.location.hash = '#/';
                if (this.props.scope === 'app') window.location.reload();
              }}
            >
              返回首页
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }
}
