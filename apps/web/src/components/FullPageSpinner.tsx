import { Spin } from 'antd';

export function FullPageSpinner() {
  return (
    <div className="xs-fullpage-center" role="status" aria-busy="true">
      <Spin size="large" />
    </div>
  );
}
