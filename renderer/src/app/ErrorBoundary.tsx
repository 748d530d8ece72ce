import { Component, Fragment, type ReactNode } from 'react';

interface ErrorBoundaryProps {
  children: ReactNode;
  /** What to show instead of `children` after they failed to render; `retry` renders them afresh. */
  fallback(error: Error, retry: () => void): ReactNode;
}

interface ErrorBoundaryState {
  error: Error | null;
  /** Bumped by `retry`, so the children are mounted afresh rather than reused. */
  attempt: number;
}

/**
 * Catches an exception thrown while its children render (or in their effects), which would
 * otherwise unmount the whole app and leave a blank window. Give it a new `key` to reset it.
 * A class component: error boundaries have no hook equivalent. React itself logs the error to
 * the console (the error and the component stack, never props or state).
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    // Anything thrown that is not an Error is not shown: it could be a record's contents.
    return { error: error instanceof Error ? error : new Error('An unexpected value was thrown') };
  }

  retry = (): void => {
    this.setState((previous) => ({ error: null, attempt: previous.attempt + 1 }));
  };

  override render(): ReactNode {
    if (this.state.error) return this.props.fallback(this.state.error, this.retry);
    return <Fragment key={this.state.attempt}>{this.props.children}</Fragment>;
  }
}
