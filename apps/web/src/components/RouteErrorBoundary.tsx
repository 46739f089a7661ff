import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';
import { shellText } from '../app/text';
import { commonText } from '../i18n/common';

interface Props {
  children: ReactNode;
  /** Changing this (e.g. the path) clears a caught error. */
  resetKey: string;
}

interface State {
  error: unknown;
  resetKey: string;
}

/** Keeps a crashing page (or a lazy chunk that failed to load) from blanking the whole shell. */
export class RouteErrorBoundary extends Component<Props, State> {
  state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  render() {
    return this.state.error ? <CrashNotice /> : this.props.children;
  }
}

function CrashNotice() {
  const t = shellText.useT();
  const tc = commonText.useT();
  return (
    <Result
      status="error"
      title={t('crash.title')}
      subTitle={t('crash.detail')}
      extra={<Button onClick={() => window.location.reload()}>{tc('reload')}</Button>}
    />
  );
}
