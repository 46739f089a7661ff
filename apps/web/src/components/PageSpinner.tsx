import { Spin } from 'antd';

/** Placeholder while a lazily loaded page arrives. */
export function PageSpinner() {
  return (
    <div className="xs-page-center" role="status" aria-busy="true">
      <Spin />
    </div>
  );
}
